namespace Floyo.Activity;

/// <summary>
/// The durable, per-user, append-only event log: the source of truth every aggregate can be rebuilt from.
/// </summary>
public interface IEventLog
{
    /// <summary>
    /// Appends events whose sequence numbers continue the user's log. Completes only once they are durable; throws
    /// (and stores nothing) when they cannot be, including when a sequence number already exists.
    /// </summary>
    Task AppendAsync(Guid userId, IReadOnlyList<SequencedEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="maxCount"/> events after <paramref name="afterSequence"/>, ascending.</summary>
    Task<IReadOnlyList<SequencedEvent>> ReadAsync(Guid userId, long afterSequence, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// The user's events with <paramref name="from"/> ≤ timestamp &lt; <paramref name="to"/> (half-open, so adjacent
    /// windows never overlap nor miss an event), ordered by timestamp, then by sequence number for equal timestamps.
    /// Empty when <paramref name="to"/> ≤ <paramref name="from"/>. Clients may send events out of order (offline queues),
    /// so this order can differ from the sequence order <see cref="ReadAsync"/> returns.
    /// </summary>
    Task<IReadOnlyList<SequencedEvent>> ReadRangeAsync(Guid userId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>
    /// The user's event with the greatest timestamp (the greatest sequence number among equal timestamps), or null when
    /// the log is empty. By time, not by sequence: the last stored event may be an old one from an offline queue.
    /// </summary>
    Task<SequencedEvent?> ReadLastAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the user's events with a timestamp before <paramref name="cutoff"/> (retention); returns how many. The
    /// head stays, so the user's sequence continues after a purge.
    /// </summary>
    Task<long> PurgeBeforeAsync(Guid userId, DateTimeOffset cutoff, CancellationToken cancellationToken = default);

    /// <summary>Removes everything the log keeps about the user: events, strings, head (account deletion).</summary>
    Task EraseUserAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// For every UTC day holding an event with a sequence above <paramref name="afterSequence"/>, the highest such
    /// sequence: what a reader of the whole tail would learn about which days changed, without reading the events.
    /// </summary>
    Task<IReadOnlyDictionary<DateOnly, long>> ReadDayTouchesAsync(Guid userId, long afterSequence, CancellationToken cancellationToken = default);

    /// <summary>
    /// The user's last sequence number and the client event ids of up to <paramref name="recentIdCount"/> most recent
    /// identified events among the last <see cref="HeadScanDepth"/> events (a log of events without ids is not read
    /// whole to find them: a retried batch is always among the latest events).
    /// </summary>
    Task<EventLogHead> ReadHeadAsync(Guid userId, int recentIdCount, CancellationToken cancellationToken = default);

    /// <summary>How far back <see cref="ReadHeadAsync"/> looks for client event ids.</summary>
    const int HeadScanDepth = 65_536;
}

/// <summary>The tail of a user's log, as needed to resume sequencing after an activation.</summary>
/// <param name="LastSequence">0 when the log is empty.</param>
/// <param name="RecentClientIds">Client event id → sequence, most recent last.</param>
public sealed record EventLogHead(long LastSequence, IReadOnlyList<KeyValuePair<string, long>> RecentClientIds);
