namespace Floyo.Agent.Watching;

/// <summary>Folders and files never reported: version control, dependencies, build outputs, editor scratch files.</summary>
public static class DefaultExcludes
{
    public static readonly IReadOnlySet<string> DirectoryNames = new HashSet<string>(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", "node_modules", "bin", "obj", "dist", "target", "out", "build",
        ".vs", ".idea", ".gradle", ".next", "__pycache__", ".venv", ".tox", ".terraform",
    };

    private static readonly IgnoreList FileRules = IgnoreList.Parse(["*.swp", "*.swx", "*~", ".#*", "4913", "*.tmp", ".DS_Store"]);

    public static bool IsExcludedDirectoryName(string name) => DirectoryNames.Contains(name);

    public static bool IsExcludedFileName(string name) => FileRules.Evaluate(name, isDirectory: false) == true;
}
