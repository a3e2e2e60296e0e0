namespace Floyo.Agent.Sending;

/// <summary>What one flush did. <see cref="Failure"/> is null when the queue was emptied (or sending is paused).</summary>
public sealed record FlushResult(int Accepted, int Duplicates, int Rejected, SendResult? Failure)
{
    public bool Succeeded => Failure is null;
}
