namespace Floyo.Agent.Watching;

/// <summary>What happened to a file (the wire names are the lowercase forms).</summary>
public enum FileChangeKind
{
    Created,
    Modified,
    Deleted,
    Renamed,
}
