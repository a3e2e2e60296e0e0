namespace Floyo.Agent.Queue;

/// <summary>Another agent process (a running <c>watch</c>) owns the queue.</summary>
public sealed class QueueLockedException(string directory, Exception inner)
    : IOException($"The queue in {directory} is in use by another floyo-agent process.", inner);
