namespace Floyo.Agent.Watching;

/// <summary>
/// The last known stamp of every reported file under the watched roots, and the folders that hold them (so a
/// vanished path is known to be a folder without a walk). Files are kept per folder by name, so a 100,000-file tree
/// stores each folder path once instead of once per file. Used from one thread.
/// </summary>
public sealed class FileSnapshot
{
    private readonly Dictionary<string, Dictionary<string, FileStamp>> filesByFolder = new(StringComparer.Ordinal);
    private readonly HashSet<string> directories = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    public bool TryGet(string path, out FileStamp stamp)
    {
        stamp = default;
        var (folder, name) = Split(path);
        return filesByFolder.TryGetValue(folder, out var files) && files.TryGetValue(name, out stamp);
    }

    public void Set(string path, FileStamp stamp)
    {
        var (folder, name) = Split(path);
        if (!filesByFolder.TryGetValue(folder, out var files))
        {
            filesByFolder[folder] = files = new(StringComparer.Ordinal);
        }

        if (files.TryAdd(name, stamp))
        {
            Count++;
        }
        else
        {
            files[name] = stamp;
        }

        for (var directory = Path.GetDirectoryName(path); directory is not null && directories.Add(directory);)
        {
            directory = Path.GetDirectoryName(directory);
        }
    }

    public bool Remove(string path)
    {
        var (folder, name) = Split(path);
        if (!filesByFolder.TryGetValue(folder, out var files) || !files.Remove(name))
        {
            return false;
        }

        Count--;
        if (files.Count == 0)
        {
            filesByFolder.Remove(folder);
        }

        return true;
    }

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
            Remove(file);
        }

        return removed;
    }

    /// <summary>The files below <paramref name="directory"/> (a pass over folders: only folder moves and rescans need it).</summary>
    public List<string> FilesUnder(string directory) =>
        [.. filesByFolder
            .Where(f => ProjectLocator.IsUnder(f.Key, directory))
            .SelectMany(f => f.Value.Keys.Select(name => Path.Join(f.Key, name)))];

    private static (string Folder, string Name) Split(string path) =>
        (Path.GetDirectoryName(path) ?? "", Path.GetFileName(path));
}
