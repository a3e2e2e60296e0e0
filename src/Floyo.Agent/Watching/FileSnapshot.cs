using System.Text;

namespace Floyo.Agent.Watching;

/// <summary>
/// The last known stamp of every reported file under the watched roots, and the folders that hold them (so a
/// vanished path is known to be a folder without a walk). Kept small for an always-on agent: each folder path once
/// (<see cref="FolderTable"/>), each file name once as UTF-8 (<see cref="FileNameStore"/>), and one dictionary entry
/// per file keyed by (folder id, name) — about 50 bytes a file. Used from one thread.
/// </summary>
public sealed class FileSnapshot
{
    private const int NameScratchBytes = 1024;

    private readonly FolderTable folders = new();
    private FileNameStore names = new();
    private Dictionary<FileKey, FileStamp> files;
    private Dictionary<FileKey, FileStamp>.AlternateLookup<FileQuery> filesByName;

    public FileSnapshot()
    {
        files = new(names);
        filesByName = files.GetAlternateLookup<FileQuery>();
    }

    public int Count => files.Count;

    public bool TryGet(string path, out FileStamp stamp)
    {
        stamp = default;
        Span<byte> scratch = stackalloc byte[NameScratchBytes];
        return folders.TryGetId(Path.GetDirectoryName(path.AsSpan()), out var folder)
            && filesByName.TryGetValue(new FileQuery(folder, Utf8Name(path, scratch)), out stamp);
    }

    public void Set(string path, FileStamp stamp)
    {
        Span<byte> scratch = stackalloc byte[NameScratchBytes];
        var folder = folders.Add(Path.GetDirectoryName(path.AsSpan()));
        filesByName[new FileQuery(folder, Utf8Name(path, scratch))] = stamp;
    }

    public bool Remove(string path)
    {
        Span<byte> scratch = stackalloc byte[NameScratchBytes];
        if (!folders.TryGetId(Path.GetDirectoryName(path.AsSpan()), out var folder)
            || !filesByName.Remove(new FileQuery(folder, Utf8Name(path, scratch)), out var key, out _))
        {
            return false;
        }

        Release(key);
        return true;
    }

    /// <summary>Whether <paramref name="path"/> is a folder that held known files.</summary>
    public bool IsKnownDirectory(string path) => folders.Contains(path);

    /// <summary>Removes a folder and everything known below it; returns the files that were known there.</summary>
    public List<string> RemoveDirectory(string directory)
    {
        if (!folders.Contains(directory))
        {
            return [];
        }

        var gone = folders.IdsUnder(directory);
        var keys = files.Keys.Where(key => gone.Contains(key.Folder)).ToList();
        var removed = keys.ConvertAll(PathOf);
        foreach (var key in keys)
        {
            files.Remove(key);
            Release(key);
        }

        folders.Remove(gone);
        return removed;
    }

    /// <summary>The files below <paramref name="directory"/> (a pass over all files: only folder moves and rescans need it).</summary>
    public List<string> FilesUnder(string directory)
    {
        var under = folders.IdsUnder(directory);
        return [.. files.Keys.Where(key => under.Contains(key.Folder)).Select(PathOf)];
    }

    /// <summary>Gives back the spare room left by growing (after the first scan, which builds most of the snapshot).</summary>
    public void TrimExcess()
    {
        files.TrimExcess();
        names.TrimExcess();
        folders.TrimExcess();
    }

    private string PathOf(FileKey key) => Path.Join(folders.PathOf(key.Folder), Encoding.UTF8.GetString(names.Name(key.NameOffset)));

    private void Release(FileKey key)
    {
        names.Release(key.NameOffset);
        if (names.Released > 64 * 1024 && names.Released > names.Used / 2)
        {
            RebuildNames();
        }
    }

    /// <summary>Copies the names still in use into a new store, so removed names stop taking room.</summary>
    private void RebuildNames()
    {
        var rebuilt = new FileNameStore(names.Used - names.Released);
        var rekeyed = new Dictionary<FileKey, FileStamp>(files.Count, rebuilt);
        foreach (var (key, stamp) in files)
        {
            rekeyed.Add(new FileKey(key.Folder, rebuilt.Add(names.Name(key.NameOffset))), stamp);
        }

        names = rebuilt;
        files = rekeyed;
        filesByName = files.GetAlternateLookup<FileQuery>();
    }

    private static ReadOnlySpan<byte> Utf8Name(string path, Span<byte> scratch)
    {
        var name = Path.GetFileName(path.AsSpan());
        var bytes = Encoding.UTF8.GetMaxByteCount(name.Length) <= scratch.Length ? scratch : new byte[Encoding.UTF8.GetByteCount(name)];
        return bytes[..Encoding.UTF8.GetBytes(name, bytes)];
    }
}
