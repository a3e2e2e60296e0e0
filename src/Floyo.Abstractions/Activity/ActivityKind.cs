namespace Floyo.Activity;

/// <summary>What a developer did. Values are stored in the event log: never renumber them.</summary>
[GenerateSerializer, Alias("floyo.ActivityKind")]
public enum ActivityKind : short
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

    /// <summary>An editor heartbeat: the developer is working on the entity (WakaTime's unit of activity).</summary>
    Heartbeat = 6,

    /// <summary>A build ran.</summary>
    Build = 7,

    /// <summary>A test run.</summary>
    TestRun = 8,

    /// <summary>A debug session.</summary>
    DebugSession = 9,
}
