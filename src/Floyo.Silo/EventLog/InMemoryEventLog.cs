using System.Collections.Concurrent;
using Floyo.Activity;

namespace Floyo.Silo.EventLog;

/// <summary>The embedded default's event log: process memory, lost on exit. Enforces the same contiguity contract as Postgres.</summary>
public sealed class InMemoryEventLog : IEventLog
{
    private readonly ConcurrentDictionary<Guid, List<SequencedEvent>> logs = new();

    public Task AppendAsync(Guid userId, IReadOnlyList<SequencedEvent> events, CancellationToken cancellationToken = default)
    {
        var log = logs.GetOrAdd(userId, _ => []);
        lock (log)
        {
            var last = log.Count == 0 ? 0 : log[^1].Sequence;
            for (var i = 0; i < events.Count; i++)
            {
                if (events[i].Sequence != last + 1 + i)
                {
                    throw new EventLogUnavailableException($"Sequence {events[i].Sequence} does not continue the log at {last + i}.");
                }
            }

            log.AddRange(events);
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
            // Sequence n sits at index n - 1.
            var start = (int)Math.Min(Math.Max(afterSequence, 0), log.Count);
            var count = Math.Min(maxCount, log.Count - start);
            return Task.FromResult<IReadOnlyList<SequencedEvent>>(log.GetRange(start, count));
        }
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
                [.. log.Where(e => e.Event.Timestamp >= from && e.Event.Timestamp < to).OrderBy(e => e.Event.Timestamp)]);
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
            foreach (var e in log)
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
            var recent = log
                .Where(e => e.Event.ClientEventId is not null)
                .TakeLast(recentIdCount)
                .Select(e => KeyValuePair.Create(e.Event.ClientEventId!, e.Sequence))
                .ToList();
            return Task.FromResult(new EventLogHead(log.Count == 0 ? 0 : log[^1].Sequence, recent));
        }
    }
}
