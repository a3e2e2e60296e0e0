namespace Floyo.Agent.Watching;

/// <summary>A file in the <see cref="FileSnapshot"/>: its folder's id and where its name starts in the <see cref="FileNameStore"/>.</summary>
public readonly record struct FileKey(int Folder, int NameOffset);

/// <summary>A file looked up by its UTF-8 name, before (or without) storing the name.</summary>
public readonly ref struct FileQuery(int folder, ReadOnlySpan<byte> name)
{
    public int Folder { get; } = folder;

    public ReadOnlySpan<byte> Name { get; } = name;
}
