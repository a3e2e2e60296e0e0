using Floyo.Agent.Events;
using Floyo.Agent.Watching;

namespace Floyo.Agent.Tests;

public sealed class ProjectLocatorTests
{
    [Fact]
    public void ProjectOf_FindsTheNearestRepositoryRootAndItsBranch()
    {
        using var tree = new TempTree(branch: "feature/agent");
        var nested = Path.Combine(tree.Project, "libs", "inner");
        Directory.CreateDirectory(Path.Combine(nested, ".git"));
        File.WriteAllText(Path.Combine(nested, ".git", "HEAD"), "0123456789abcdef0123456789abcdef01234567\n");
        var locator = new ProjectLocator([Path.GetDirectoryName(tree.Project)!]);

        Assert.Equal(new ProjectInfo(tree.Project, "demo", "feature/agent"), locator.ProjectOf(tree.PathOf("src/a/b.cs")));
        Assert.Equal(new ProjectInfo(nested, "inner", "0123456789ab"), locator.ProjectOf(Path.Combine(nested, "x.rs")));
    }

    [Fact]
    public void ProjectOf_OutsideAnyRepository_IsTheWatchedFolderWithoutBranch()
    {
        using var tree = new TempTree();
        var plain = Directory.CreateDirectory(Path.Combine(tree.Root, "plain")).FullName;

        Assert.Equal(new ProjectInfo(plain, "plain", null), new ProjectLocator([plain]).ProjectOf(Path.Combine(plain, "notes", "a.md")));
    }

    [Fact]
    public void ProjectOf_InAWorktree_FollowsTheGitFile()
    {
        using var tree = new TempTree();
        var gitDirectory = Directory.CreateDirectory(Path.Combine(tree.Root, "gitdirs", "wt")).FullName;
        File.WriteAllText(Path.Combine(gitDirectory, "HEAD"), "ref: refs/heads/agent\n");
        var worktree = Directory.CreateDirectory(Path.Combine(tree.Root, "wt")).FullName;
        File.WriteAllText(Path.Combine(worktree, ".git"), $"gitdir: {gitDirectory}\n");

        Assert.Equal("agent", new ProjectLocator([worktree]).ProjectOf(Path.Combine(worktree, "a.cs")).Branch);
    }

    [Theory]
    [InlineData("a/b.cs", "C#")]
    [InlineData("a/b.TSX", "TypeScript")]
    [InlineData("Dockerfile", "Docker")]
    [InlineData("a/b.unknown", null)]
    public void Language_ComesFromTheExtension(string path, string? language) => Assert.Equal(language, LanguageTable.For(path));
}
