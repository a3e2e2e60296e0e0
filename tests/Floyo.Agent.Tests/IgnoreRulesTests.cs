using Floyo.Agent.Watching;

namespace Floyo.Agent.Tests;

public sealed class IgnoreRulesTests
{
    [Theory]
    [InlineData("*.log", "a.log", false, true)]
    [InlineData("*.log", "deep/dir/a.log", false, true)]
    [InlineData("*.log", "a.cs", false, null)]
    [InlineData("/root.txt", "root.txt", false, true)]
    [InlineData("/root.txt", "sub/root.txt", false, null)]
    [InlineData("doc/*.md", "doc/a.md", false, true)]
    [InlineData("doc/*.md", "doc/x/a.md", false, null)]
    [InlineData("doc/**/*.md", "doc/x/y/a.md", false, true)]
    [InlineData("**/cache", "a/b/cache", true, true)]
    [InlineData("logs/", "logs", true, true)]
    [InlineData("logs/", "logs", false, null)]
    [InlineData("a?c.[ch]", "abc.h", false, true)]
    [InlineData("file[!0-9].txt", "file1.txt", false, null)]
    [InlineData("# comment", "# comment", false, null)]
    public void Evaluate_FollowsGitIgnoreSyntax(string rule, string path, bool isDirectory, bool? expected) =>
        Assert.Equal(expected, IgnoreList.Parse([rule]).Evaluate(path, isDirectory));

    [Fact]
    public void Evaluate_LastMatchingRuleWins_SoNegationReincludes()
    {
        var rules = IgnoreList.Parse(["*.log", "!keep.log"]);

        Assert.Equal(true, rules.Evaluate("x.log", false));
        Assert.Equal(false, rules.Evaluate("keep.log", false));
    }

    [Fact]
    public void IsExcluded_AFileInAnIgnoredFolderStaysIgnoredEvenIfNegated()
    {
        using var tree = new TempTree();
        File.WriteAllText(tree.PathOf(".gitignore"), "secret/\n!secret/ok.cs\n");
        var filter = new PathFilter(new ProjectLocator([tree.Project]), [], []);

        Assert.True(filter.IsExcluded(tree.PathOf("secret/ok.cs"), isDirectory: false));
        Assert.False(filter.IsExcluded(tree.PathOf("src/ok.cs"), isDirectory: false));
    }

    [Fact]
    public void IsExcluded_WithIncludeGlobs_ReportsOnlyMatchingFiles()
    {
        using var tree = new TempTree();
        var filter = new PathFilter(new ProjectLocator([tree.Project]), ["src/**", "*.md"], []);

        Assert.False(filter.IsExcluded(tree.PathOf("src/a/b.cs"), isDirectory: false));
        Assert.False(filter.IsExcluded(tree.PathOf("docs/readme.md"), isDirectory: false));
        Assert.True(filter.IsExcluded(tree.PathOf("tools/x.cs"), isDirectory: false));
    }
}
