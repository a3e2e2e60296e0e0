namespace Floyo.Agent.Sending;

/// <summary>The outcome of sending one batch.</summary>
public sealed record SendResult(
    SendStatus Status,
    int Accepted = 0,
    int Duplicates = 0,
    IReadOnlyList<string>? Rejections = null,
    TimeSpan? RetryAfter = null,
    string? Error = null)
{
    public int Rejected => Rejections?.Count ?? 0;
}
