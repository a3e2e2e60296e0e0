namespace Floyo.Agent.Watching;

/// <summary>
/// The last known stamp of every reported file under the watched roots, and the folders that hold them (so a
/// vanished path is known to be a folder without a walk). Used from one thread.
/// </summary>
public sealed class FileSnapshot
{
    private readonly Dictionary<string, FileStamp> files = new(StringComparer.Ordinal);
    private readonly HashSet<string> directories = new(StringComparer.Ordinal);

    public int Count => files.Count;

    public bool TryGet(string path, out FileStamp stamp) => files.TryGetValue(path, out stamp);

    public void Set(string path, FileStamp stamp)
    {
        files[path] = stamp;
        for (var directory = Path.GetDirectoryName(path); directory is not null && directories.Add(directory);)
        {
            directory = Path.GetDirectoryName(directory);
        }
    }

    public bool Remove(string path) => files.Remove(path);

    /// <summary>Whether <paramref name="path"/> is a folder that held known files.</summary>
    public bool IsKnownDirectory(string path) => directories.Contains(path);

    /// <summary>Removes a folder and everything known below it; returns the files that were known there.</summary>
    public List<string> RemoveDirectory(string directory)
    {
        if (!directories.Remove(directory))
        {
            return [];
        }

        directories.RemoveWhere(d => ProjectLocator.IsUnder(d, directory));
        var removed = FilesUnder(directory);
        foreach (var file in removed)
        {
            files.Remove(file);
        }

        return removed;
    }

    /// <summary>The files below <paramref name="directory"/> (a linear pass: only folder moves and rescans need it).</summary>
    public List<string> FilesUnder(string directory) =>
        [.. files.Keys.Where(p => p.Length > directory.Length && ProjectLocator.IsUnder(p, directory))];
}
