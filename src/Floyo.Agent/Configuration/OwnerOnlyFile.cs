namespace Floyo.Agent.Configuration;

/// <summary>Files and folders only their owner can read (0600 / 0700 on Unix), written atomically.</summary>
public static class OwnerOnlyFile
{
    public const UnixFileMode OwnerFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode OwnerDirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void EnsureDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else if (!Directory.Exists(path))
        {
            // Only the last level gets the mode from CreateDirectory, so create missing parents first.
            if (Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(path)) is { } parent)
            {
                EnsureDirectory(parent);
            }

            Directory.CreateDirectory(path, OwnerDirectoryMode);
        }
    }

    /// <summary>Options that create a new file readable by its owner only.</summary>
    public static FileStreamOptions CreateOptions(FileMode mode, FileAccess access = FileAccess.Write, FileShare share = FileShare.Read)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerFileMode;
        }

        return options;
    }

    /// <summary>Writes <paramref name="bytes"/> to a temporary file (0600, flushed to disk) and renames it over <paramref name="path"/>.</summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> bytes)
    {
        EnsureDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, CreateOptions(FileMode.CreateNew)))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, OwnerFileMode);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
