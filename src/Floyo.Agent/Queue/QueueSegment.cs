namespace Floyo.Agent.Queue;

/// <summary>One queue file: its sequence number and its events as JSON lines (unreadable lines already left out).</summary>
public sealed record QueueSegment(long Sequence, IReadOnlyList<string> Lines);
