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

    /// <summary>The user's last sequence number and the client event ids of up to <paramref name="recentIdCount"/> most recent identified events.</summary>
    Task<EventLogHead> ReadHeadAsync(Guid userId, int recentIdCount, CancellationToken cancellationToken = default);
}

/// <summary>The tail of a user's log, as needed to resume sequencing after an activation.</summary>
/// <param name="LastSequence">0 when the log is empty.</param>
/// <param name="RecentClientIds">Client event id → sequence, most recent last.</param>
public sealed record EventLogHead(long LastSequence, IReadOnlyList<KeyValuePair<string, long>> RecentClientIds);
