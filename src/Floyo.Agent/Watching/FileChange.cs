namespace Floyo.Agent.Watching;

/// <summary>A settled change of one file, found by comparing the file system with the snapshot.</summary>
public sealed record FileChange(FileChangeKind Kind, string Path, DateTimeOffset Timestamp, string? PreviousPath = null);
