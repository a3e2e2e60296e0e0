namespace Floyo.Agent.Watching;

/// <summary>
/// File names as UTF-8, each ended by a NUL (which no file name contains), back to back in one buffer: a 12-character
/// name costs 13 bytes instead of a 48-byte string. It is also the snapshot's key comparer, reading the names the keys
/// point at, and lets the snapshot look a file up by a name it has not stored (<see cref="FileQuery"/>).
/// </summary>
public sealed class FileNameStore : IEqualityComparer<FileKey>, IAlternateEqualityComparer<FileQuery, FileKey>
{
    private byte[] buffer;

    public FileNameStore(int capacity = 256) => buffer = new byte[Math.Max(capacity, 1)];

    /// <summary>Bytes holding names, released ones included.</summary>
    public int Used { get; private set; }

    /// <summary>Bytes of names released since the store was made.</summary>
    public int Released { get; private set; }

    public ReadOnlySpan<byte> Name(int offset)
    {
        var rest = buffer.AsSpan(offset, Used - offset);
        return rest[..rest.IndexOf((byte)0)];
    }

    public int Add(ReadOnlySpan<byte> name)
    {
        if (Used + name.Length + 1 > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, Used + name.Length + 1));
        }

        var offset = Used;
        name.CopyTo(buffer.AsSpan(offset));
        buffer[offset + name.Length] = 0;
        Used += name.Length + 1;
        return offset;
    }

    /// <summary>Marks a name as no longer used (its bytes stay until the snapshot rebuilds the store).</summary>
    public void Release(int offset) => Released += Name(offset).Length + 1;

    public void TrimExcess() => Array.Resize(ref buffer, Math.Max(Used, 1));

    public bool Equals(FileKey x, FileKey y) =>
        x.Folder == y.Folder && (x.NameOffset == y.NameOffset || Name(x.NameOffset).SequenceEqual(Name(y.NameOffset)));

    public int GetHashCode(FileKey obj) => Hash(obj.Folder, Name(obj.NameOffset));

    public bool Equals(FileQuery alternate, FileKey other) => alternate.Folder == other.Folder && alternate.Name.SequenceEqual(Name(other.NameOffset));

    public int GetHashCode(FileQuery alternate) => Hash(alternate.Folder, alternate.Name);

    public FileKey Create(FileQuery alternate) => new(alternate.Folder, Add(alternate.Name));

    private static int Hash(int folder, ReadOnlySpan<byte> name)
    {
        var hash = new HashCode();
        hash.Add(folder);
        hash.AddBytes(name);
        return hash.ToHashCode();
    }
}
