namespace Floyo.Agent.Watching;

/// <summary>
/// Finds the watched root and the project of a path, with caches that <see cref="Invalidate"/> clears when a
/// <c>.git</c> folder or a HEAD file changes. Used from one thread (the change loop).
/// </summary>
public sealed class ProjectLocator(IReadOnlyList<string> watchRoots)
{
    private readonly Dictionary<string, string> projectRootByDirectory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProjectInfo> projectByRoot = new(StringComparer.Ordinal);

    public IReadOnlyList<string> WatchRoots { get; } = [.. watchRoots.Select(Path.GetFullPath).Select(p => Path.TrimEndingDirectorySeparator(p))];

    /// <summary>The (longest) watched root that contains <paramref name="path"/>, or null.</summary>
    public string? WatchRootOf(string path)
    {
        string? best = null;
        foreach (var root in WatchRoots)
        {
            if (IsUnder(path, root) && (best is null || root.Length > best.Length))
            {
                best = root;
            }
        }

        return best;
    }

    public ProjectInfo ProjectOf(string path)
    {
        var watchRoot = WatchRootOf(path) ?? Path.GetDirectoryName(path)!;
        var directory = Directory.Exists(path) ? path : Path.GetDirectoryName(path)!;
        var root = ProjectRootOf(directory, watchRoot);
        if (!projectByRoot.TryGetValue(root, out var project))
        {
            var isRepository = GitHead.IsRepositoryRoot(root);
            project = new ProjectInfo(root, Path.GetFileName(root) is { Length: > 0 } name ? name : root, isRepository ? GitHead.ReadBranch(root) : null);
            projectByRoot[root] = project;
        }

        return project;
    }

    /// <summary>Forgets what a change to <paramref name="path"/> may have made stale (a new repository, a branch switch).</summary>
    public void Invalidate(string path)
    {
        var name = Path.GetFileName(path);
        if (name == ".git")
        {
            projectRootByDirectory.Clear();
            projectByRoot.Clear();
        }
        else if (name == "HEAD" && Path.GetFileName(Path.GetDirectoryName(path)) == ".git")
        {
            projectByRoot.Remove(Path.GetDirectoryName(Path.GetDirectoryName(path))!);
        }
    }

    public static bool IsUnder(string path, string root) =>
        path.Length == root.Length
            ? string.Equals(path, root, StringComparison.Ordinal)
            : path.Length > root.Length && path.StartsWith(root, StringComparison.Ordinal) && path[root.Length] == Path.DirectorySeparatorChar;

    private string ProjectRootOf(string directory, string watchRoot)
    {
        if (projectRootByDirectory.TryGetValue(directory, out var cached))
        {
            return cached;
        }

        string root;
        if (GitHead.IsRepositoryRoot(directory) || !IsUnder(directory, watchRoot))
        {
            root = directory;
        }
        else if (string.Equals(directory, watchRoot, StringComparison.Ordinal) || Path.GetDirectoryName(directory) is not { } parent)
        {
            root = EnclosingRepository(watchRoot) ?? watchRoot;
        }
        else
        {
            root = ProjectRootOf(parent, watchRoot);
        }

        projectRootByDirectory[directory] = root;
        return root;
    }

    /// <summary>A repository that contains the watched folder itself (watching a sub-folder of a repository).</summary>
    private static string? EnclosingRepository(string watchRoot)
    {
        for (var directory = Path.GetDirectoryName(watchRoot); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (GitHead.IsRepositoryRoot(directory))
            {
                return directory;
            }
        }

        return null;
    }
}
