namespace Floyo.Agent.Watching;

/// <summary>Walks a folder tree, skipping excluded folders entirely and never following symbolic links.</summary>
public static class TreeScanner
{
    private static readonly EnumerationOptions Options = new()
    {
        IgnoreInaccessible = true,
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    /// <summary>Every reported file under <paramref name="directory"/> with its stamp.</summary>
    public static IEnumerable<(string Path, FileStamp Stamp)> Scan(string directory, PathFilter filter)
    {
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.TryPop(out var current))
        {
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = [.. new DirectoryInfo(current).EnumerateFileSystemInfos("*", Options)];
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    continue;
                }

                if (entry is DirectoryInfo)
                {
                    if (!filter.IsExcluded(entry.FullName, isDirectory: true))
                    {
                        pending.Push(entry.FullName);
                    }
                }
                else if (entry is FileInfo file && !filter.IsExcluded(file.FullName, isDirectory: false))
                {
                    yield return (file.FullName, FileStamp.Of(file));
                }
            }
        }
    }
}
