namespace Floyo.Agent.Watching;

/// <summary>What the snapshot remembers of a file: enough to tell whether it changed.</summary>
public readonly record struct FileStamp(long Length, long LastWriteTicks)
{
    public static FileStamp Of(FileInfo file) => new(file.Length, file.LastWriteTimeUtc.Ticks);

    /// <summary>The stamp of an existing regular file, or null when there is none at <paramref name="path"/>.</summary>
    public static FileStamp? Read(string path)
    {
        try
        {
            var file = new FileInfo(path);
            return file.Exists ? Of(file) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
