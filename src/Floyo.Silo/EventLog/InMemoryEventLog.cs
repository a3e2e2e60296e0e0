using System.Collections.Concurrent;
using Floyo.Activity;

namespace Floyo.Silo.EventLog;

/// <summary>The embedded default's event log: process memory, lost on exit. Enforces the same contiguity contract as Postgres.</summary>
public sealed class InMemoryEventLog : IEventLog
{
    private readonly ConcurrentDictionary<Guid, UserLog> logs = new();

    public Task AppendAsync(Guid userId, IReadOnlyList<SequencedEvent> events, CancellationToken cancellationToken = default)
    {
        var log = logs.GetOrAdd(userId, _ => new UserLog());
        lock (log)
        {
            for (var i = 0; i < events.Count; i++)
            {
                if (events[i].Sequence != log.LastSequence + 1 + i)
                {
                    throw new EventLogUnavailableException($"Sequence {events[i].Sequence} does not continue the log at {log.LastSequence + i}.");
                }
            }

            log.Events.AddRange(events);
            if (events.Count > 0)
            {
                log.LastSequence = events[^1].Sequence;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SequencedEvent>> ReadAsync(Guid userId, long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        if (!logs.TryGetValue(userId, out var log))
        {
            return Task.FromResult<IReadOnlyList<SequencedEvent>>([]);
        }

        lock (log)
        {
            // Events are in sequence order; retention may have removed a prefix, so find the start by search.
            var start = log.Events.BinarySearch(new SequencedEvent(afterSequence + 1, null!), BySequence.Instance);
            start = start < 0 ? ~start : start;
            var count = Math.Min(maxCount, log.Events.Count - start);
            return Task.FromResult<IReadOnlyList<SequencedEvent>>(log.Events.GetRange(start, count));
        }
    }

    public Task<IReadOnlyDictionary<DateOnly, long>> ReadDayTouchesAsync(Guid userId, long afterSequence, CancellationToken cancellationToken = default)
    {
        var touches = new Dictionary<DateOnly, long>();
        if (logs.TryGetValue(userId, out var log))
        {
            lock (log)
            {
                foreach (var e in log.Events.Where(e => e.Sequence > afterSequence))
                {
                    var day = DateOnly.FromDateTime(e.Event.Timestamp.UtcDateTime);
                    touches[day] = Math.Max(touches.GetValueOrDefault(day), e.Sequence);
                }
            }
        }

        return Task.FromResult<IReadOnlyDictionary<DateOnly, long>>(touches);
    }

    public Task<IReadOnlyList<SequencedEvent>> ReadRangeAsync(Guid userId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        if (!logs.TryGetValue(userId, out var log))
        {
            return Task.FromResult<IReadOnlyList<SequencedEvent>>([]);
        }

        lock (log)
        {
            // The list is in sequence order, so a stable sort by time keeps equal timestamps in sequence order.
            return Task.FromResult<IReadOnlyList<SequencedEvent>>(
                [.. log.Events.Where(e => e.Event.Timestamp >= from && e.Event.Timestamp < to).OrderBy(e => e.Event.Timestamp)]);
        }
    }

    public Task<SequencedEvent?> ReadLastAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        if (!logs.TryGetValue(userId, out var log))
        {
            return Task.FromResult<SequencedEvent?>(null);
        }

        lock (log)
        {
            SequencedEvent? last = null;
            foreach (var e in log.Events)
            {
                if (last is null || e.Event.Timestamp >= last.Event.Timestamp)
                {
                    last = e;
                }
            }

            return Task.FromResult(last);
        }
    }

    public Task<EventLogHead> ReadHeadAsync(Guid userId, int recentIdCount, CancellationToken cancellationToken = default)
    {
        if (!logs.TryGetValue(userId, out var log))
        {
            return Task.FromResult(new EventLogHead(0, []));
        }

        lock (log)
        {
            var recent = log.Events
                .TakeLast(IEventLog.HeadScanDepth)
                .Where(e => e.Event.ClientEventId is not null)
                .TakeLast(recentIdCount)
                .Select(e => KeyValuePair.Create(e.Event.ClientEventId!, e.Sequence))
                .ToList();
            return Task.FromResult(new EventLogHead(log.LastSequence, recent));
        }
    }

    public Task<long> PurgeBeforeAsync(Guid userId, DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        if (!logs.TryGetValue(userId, out var log))
        {
            return Task.FromResult(0L);
        }

        lock (log)
        {
            return Task.FromResult<long>(log.Events.RemoveAll(e => e.Event.Timestamp < cutoff));
        }
    }

    public Task EraseUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        logs.TryRemove(userId, out _);
        return Task.CompletedTask;
    }

    /// <summary>One user's events in sequence order and the head, which outlives purged events.</summary>
    private sealed class UserLog
    {
        public List<SequencedEvent> Events { get; } = [];

        public long LastSequence { get; set; }
    }

    private sealed class BySequence : IComparer<SequencedEvent>
    {
        public static readonly BySequence Instance = new();

        public int Compare(SequencedEvent? x, SequencedEvent? y) => x!.Sequence.CompareTo(y!.Sequence);
    }
}
