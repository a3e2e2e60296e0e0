using Floyo.Agent.Watching;

namespace Floyo.Agent.Tests;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("*.cs", "a.cs", true)]
    [InlineData("*.cs", "src/a.cs", false)]
    [InlineData("src/*", "src/a.cs", true)]
    [InlineData("src/*", "src/x/a.cs", false)]
    [InlineData("src/**", "src/x/y/a.cs", true)]
    [InlineData("src/**", "src", false)]
    [InlineData("**/a.cs", "a.cs", true)]
    [InlineData("**/a.cs", "x/y/a.cs", true)]
    [InlineData("**/a.cs", "x/ya.cs", false)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("a**b", "a/x/b", true)]
    [InlineData("**", "", true)]
    [InlineData("?.md", "a.md", true)]
    [InlineData("?.md", "ab.md", false)]
    [InlineData("x?y", "x/y", false)]
    [InlineData("v[0-9].txt", "v7.txt", true)]
    [InlineData("v[0-9].txt", "vx.txt", false)]
    [InlineData("v[!0-9].txt", "vx.txt", true)]
    [InlineData("v[^0-9].txt", "v1.txt", false)]
    [InlineData("v[!0-9]x", "v/x", false)]
    [InlineData("[ab-]", "-", true)]
    [InlineData("a[]b", "a[]b", true)]
    [InlineData("a.cs", "a.cs", true)]
    [InlineData("a.cs", "a.csx", false)]
    [InlineData("a+b(c).cs", "a+b(c).cs", true)]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    public void IsMatch_FollowsGlobSyntax(string glob, string path, bool expected) =>
        Assert.Equal(expected, new GlobPattern(glob).IsMatch(path));

    [Fact]
    public void IsMatch_ManyWildcardsAgainstALongPath_AnswersWithoutBacktracking()
    {
        var glob = new GlobPattern(string.Concat(Enumerable.Repeat("*a", 30)) + "b");

        Assert.False(glob.IsMatch(new string('a', 10_000)));
        Assert.True(glob.IsMatch(new string('a', 10_000) + "b"));
    }
}
