namespace Floyo.Activity;

/// <summary>What happened to a file. Values are stored in the event log: never renumber them.</summary>
[GenerateSerializer, Alias("floyo.FileEventKind")]
public enum FileEventKind : short
{
    /// <summary>A file was created.</summary>
    Created = 1,

    /// <summary>A file's content changed.</summary>
    Modified = 2,

    /// <summary>A file was deleted.</summary>
    Deleted = 3,

    /// <summary>A file was renamed or moved; <see cref="ActivityEvent.PreviousEntity"/> holds the old path.</summary>
    Renamed = 4,

    /// <summary>A file was opened or focused in an editor.</summary>
    Opened = 5,
}
