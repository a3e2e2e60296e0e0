namespace Floyo.Agent.Queue;

/// <summary>What <c>status</c> shows besides the queue length (status.json, written by the process owning the queue).</summary>
public sealed record AgentStatus
{
    /// <summary>When the server last answered a batch (202).</summary>
    public DateTimeOffset? LastSyncAt { get; init; }

    /// <summary>Why the last send failed (null after a success).</summary>
    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary>Events the server accepted.</summary>
    public long Accepted { get; init; }

    /// <summary>Events the server already had (a batch resent after a crash or a lost answer).</summary>
    public long Duplicates { get; init; }

    /// <summary>Events the server rejected; they are dropped from the queue (they would never succeed).</summary>
    public long Rejected { get; init; }

    /// <summary>Oldest events dropped because the queue was full.</summary>
    public long Dropped { get; init; }

    /// <summary>Changes seen while paused (neither queued nor sent).</summary>
    public long IgnoredWhilePaused { get; init; }
}
