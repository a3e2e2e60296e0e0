namespace Floyo.Time.Rollups;

/// <summary>
/// Durable daily rollups: one <see cref="DayTally"/> per user, local day and accounting rules (<see cref="RollupKey"/>),
/// each stamped with the log sequence it was computed at. The store only keeps what it is given; deciding whether a
/// rollup is still valid is <see cref="RollupReader"/>'s job.
/// </summary>
public interface IDayRollupStore
{
    /// <summary>The stored rollups of <paramref name="first"/>..<paramref name="last"/> (missing days are absent).</summary>
    Task<IReadOnlyList<StoredDayRollup>> ReadAsync(Guid userId, RollupKey key, DateOnly first, DateOnly last, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces rollups.</summary>
    Task WriteAsync(Guid userId, RollupKey key, IReadOnlyList<StoredDayRollup> rollups, CancellationToken cancellationToken = default);

    /// <summary>Deletes every rollup of the user (account deletion).</summary>
    Task DeleteUserAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the user's rollups of days before <paramref name="firstKept"/> (retention).</summary>
    Task DeleteBeforeAsync(Guid userId, DateOnly firstKept, CancellationToken cancellationToken = default);
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

/// <summary>A rollup and the log sequence it reflects (every event up to it, none after it was guaranteed).</summary>
public sealed record StoredDayRollup(DayTally Tally, long ThroughSequence);
