namespace Floyo.Time.Rollups;

/// <summary>
/// Durable daily rollups: one <see cref="DayTally"/> per user, local day and accounting rules (<see cref="RollupKey"/>),
/// each stamped with the log sequence it was computed at. The store only keeps what it is given; deciding whether a
/// rollup is still valid is <see cref="RollupReader"/>'s job. It also keeps a few span rollups per user: the sum of a
/// run of consecutive days (see <see cref="SpanRollupReader"/>), at most one per length, the least recently written
/// going first once a user has more than <see cref="SpansKept"/>.
/// </summary>
public interface IDayRollupStore
{
    /// <summary>How many span rollups (distinct lengths) a user keeps.</summary>
    const int SpansKept = 4;

    /// <summary>
    /// The stored rollups of <paramref name="first"/>..<paramref name="last"/> (missing days are absent). With
    /// <see cref="RollupDetail.Totals"/> a store may leave the breakdowns out (total and hours only), which is all
    /// streaks, daily series and heatmaps need and a fraction of the bytes.
    /// </summary>
    Task<IReadOnlyList<StoredDayRollup>> ReadAsync(Guid userId, RollupKey key, DateOnly first, DateOnly last, RollupDetail detail, CancellationToken cancellationToken = default);

    /// <summary>
    /// The stored rollups of <paramref name="first"/>..<paramref name="last"/> narrowed to <paramref name="scope"/>: one
    /// per day that has a rollup, with that rollup's sequence and the day's tally in the scope (empty when the scope had
    /// no time that day).
    /// </summary>
    Task<IReadOnlyList<StoredDayRollup>> ReadScopeAsync(Guid userId, RollupKey key, DateOnly first, DateOnly last, RollupScope scope, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces rollups, each day's scoped tallies replaced by the ones given with it.</summary>
    Task WriteAsync(Guid userId, RollupKey key, IReadOnlyList<StoredDayRollup> rollups, CancellationToken cancellationToken = default);

    /// <summary>The stored span of <paramref name="days"/> days, whatever days it covers, or null.</summary>
    Task<StoredSpanRollup?> ReadSpanAsync(Guid userId, RollupKey key, int days, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the span of its length.</summary>
    Task WriteSpanAsync(Guid userId, RollupKey key, StoredSpanRollup span, CancellationToken cancellationToken = default);

    /// <summary>Deletes every rollup and span of the user (account deletion).</summary>
    Task DeleteUserAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the user's rollups of days before <paramref name="firstKept"/>, and spans starting before it (retention).</summary>
    Task DeleteBeforeAsync(Guid userId, DateOnly firstKept, CancellationToken cancellationToken = default);
}

/// <summary>How much of a stored rollup to read.</summary>
public enum RollupDetail
{
    /// <summary>Total and hours are what the caller needs; the breakdowns may come back empty.</summary>
    Totals,

    /// <summary>Everything, breakdowns by every dimension included.</summary>
    Breakdown,
}

/// <summary>The accounting rules a rollup was computed under: the user's time zone and keystroke timeout.</summary>
public readonly record struct RollupKey(string TimeZone, int TimeoutSeconds)
{
    public static RollupKey Of(TimeZoneInfo zone, TimeSpan keystrokeTimeout)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new(zone.Id, (int)keystrokeTimeout.TotalSeconds);
    }
}

/// <summary>
/// A rollup and the log sequence it reflects (every event up to it, none after it was guaranteed), and, when written,
/// the day's tallies per project and language (<see cref="RollupScope"/>; none when null).
/// </summary>
public sealed record StoredDayRollup(DayTally Tally, long ThroughSequence, IReadOnlyDictionary<RollupScope, DayTally>? Scopes = null);

/// <summary>
/// The sum of the daily rollups of <paramref name="First"/>..<paramref name="Last"/> (the tally's day is
/// <paramref name="First"/>) and the log sequence it reflects, like <see cref="StoredDayRollup"/>.
/// </summary>
public sealed record StoredSpanRollup(DateOnly First, DateOnly Last, DayTally Tally, long ThroughSequence)
{
    public int Days => Last.DayNumber - First.DayNumber + 1;
}
