namespace Floyo.Agent.Tests;

/// <summary>A temporary folder holding a git-like project (a .git folder with HEAD) and the agent's config; deleted on dispose.</summary>
public sealed class TempTree : IDisposable
{
    public TempTree(string branch = "main")
    {
        Root = Directory.CreateTempSubdirectory("floyo-agent-test-").FullName;
        Project = Path.Combine(Root, "work", "demo");
        Directory.CreateDirectory(Path.Combine(Project, ".git"));
        File.WriteAllText(Path.Combine(Project, ".git", "HEAD"), $"ref: refs/heads/{branch}\n");
        Outside = Directory.CreateDirectory(Path.Combine(Root, "outside")).FullName;
        ConfigFile = Path.Combine(Root, "config", "agent.json");
    }

    /// <summary>The temporary folder.</summary>
    public string Root { get; }

    /// <summary>The watched project (a repository root named "demo" on <c>main</c>).</summary>
    public string Project { get; }

    /// <summary>A folder outside the watched tree, for staging complete files.</summary>
    public string Outside { get; }

    public string ConfigFile { get; }

    public string PathOf(string relative) => Path.Combine(Project, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Writes a file inside the project in one step (written outside, then moved in), so it appears complete.</summary>
    public string Create(string relative, string content = "x")
    {
        var target = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var staged = Path.Combine(Outside, Guid.NewGuid().ToString("N"));
        File.WriteAllText(staged, content);
        File.Move(staged, target);
        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still be closing; the OS temp cleaner gets the rest.
        }
    }
}
