namespace Floyo.Privacy;

/// <summary>One recorded privacy-relevant action. Entries are never changed; only account deletion removes them.</summary>
/// <param name="Id">Increasing with time across the whole log; the paging cursor.</param>
/// <param name="UserId">Whose account the action concerns.</param>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Action">What happened.</param>
/// <param name="Detail">A short, non-secret detail (at most <see cref="AuditEntry.MaxTextLength"/> characters), or null.</param>
/// <param name="Origin">Where it came from: client IP and user agent, "system" for scheduled work, or null when unknown.</param>
[GenerateSerializer, Immutable, Alias("floyo.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] long Id,
    [property: Id(1)] Guid UserId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] AuditAction Action,
    [property: Id(4)] string? Detail,
    [property: Id(5)] string? Origin)
{
    /// <summary>Longer details and origins are cut to this many characters when recorded.</summary>
    public const int MaxTextLength = 200;

    /// <summary><paramref name="text"/> cut to <see cref="MaxTextLength"/>, or null.</summary>
    public static string? Limit(string? text) => text is { Length: > MaxTextLength } ? text[..MaxTextLength] : text;
}

/// <summary>A page of a user's audit log, newest first.</summary>
/// <param name="Entries">At most the requested number of entries.</param>
/// <param name="NextBefore">Pass as <c>before</c> to read the next (older) page; null when there is none.</param>
[GenerateSerializer, Immutable, Alias("floyo.AuditPage")]
public sealed record AuditPage(
    [property: Id(0)] IReadOnlyList<AuditEntry> Entries,
    [property: Id(1)] long? NextBefore);
