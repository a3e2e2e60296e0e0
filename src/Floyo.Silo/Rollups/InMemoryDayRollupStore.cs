using System.Collections.Concurrent;
using Floyo.Time;
using Floyo.Time.Rollups;

namespace Floyo.Silo.Rollups;

/// <summary>The embedded default's rollup store: a dictionary per user and key, lost on restart (the log is too).</summary>
public sealed class InMemoryDayRollupStore : IDayRollupStore
{
    private readonly ConcurrentDictionary<(Guid User, RollupKey Key), SortedDictionary<DateOnly, StoredDayRollup>> byUser = new();

    /// <summary>Each user's spans, the most recently written first.</summary>
    private readonly ConcurrentDictionary<Guid, List<(RollupKey Key, StoredSpanRollup Span)>> spans = new();

    /// <summary>Tallies are handed out as stored (breakdowns included whatever the detail): callers only read them.</summary>
    public Task<IReadOnlyList<StoredDayRollup>> ReadAsync(Guid userId, RollupKey key, DateOnly first, DateOnly last, RollupDetail detail, CancellationToken cancellationToken = default)
    {
        if (!byUser.TryGetValue((userId, key), out var days))
        {
            return Task.FromResult<IReadOnlyList<StoredDayRollup>>([]);
        }

        lock (days)
        {
            return Task.FromResult<IReadOnlyList<StoredDayRollup>>([.. days.Values.Where(r => r.Tally.Day >= first && r.Tally.Day <= last)]);
        }
    }

    public async Task<IReadOnlyList<StoredDayRollup>> ReadScopeAsync(Guid userId, RollupKey key, DateOnly first, DateOnly last, RollupScope scope, CancellationToken cancellationToken = default) =>
        [.. (await ReadAsync(userId, key, first, last, RollupDetail.Breakdown, cancellationToken))
            .Select(r => new StoredDayRollup(r.Scopes?.GetValueOrDefault(scope) ?? new DayTally(r.Tally.Day), r.ThroughSequence))];

    public Task WriteAsync(Guid userId, RollupKey key, IReadOnlyList<StoredDayRollup> rollups, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rollups);
        var days = byUser.GetOrAdd((userId, key), _ => []);
        lock (days)
        {
            foreach (var rollup in rollups)
            {
                days[rollup.Tally.Day] = rollup;
            }
        }

        return Task.CompletedTask;
    }

    public Task<StoredSpanRollup?> ReadSpanAsync(Guid userId, RollupKey key, int days, CancellationToken cancellationToken = default)
    {
        if (!spans.TryGetValue(userId, out var kept))
        {
            return Task.FromResult<StoredSpanRollup?>(null);
        }

        lock (kept)
        {
            return Task.FromResult<StoredSpanRollup?>(kept.Find(s => s.Key == key && s.Span.Days == days).Span);
        }
    }

    public Task WriteSpanAsync(Guid userId, RollupKey key, StoredSpanRollup span, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(span);
        var kept = spans.GetOrAdd(userId, _ => []);
        lock (kept)
        {
            kept.RemoveAll(s => s.Key == key && s.Span.Days == span.Days);
            kept.Insert(0, (key, span));
            if (kept.Count > IDayRollupStore.SpansKept)
            {
                kept.RemoveRange(IDayRollupStore.SpansKept, kept.Count - IDayRollupStore.SpansKept);
            }
        }

        return Task.CompletedTask;
    }

    public Task DeleteUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        spans.TryRemove(userId, out _);
        foreach (var key in byUser.Keys.Where(k => k.User == userId))
        {
            byUser.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }

    public Task DeleteBeforeAsync(Guid userId, DateOnly firstKept, CancellationToken cancellationToken = default)
    {
        if (spans.TryGetValue(userId, out var kept))
        {
            lock (kept)
            {
                kept.RemoveAll(s => s.Span.First < firstKept);
            }
        }

        foreach (var (key, days) in byUser.Where(pair => pair.Key.User == userId))
        {
            lock (days)
            {
                foreach (var day in days.Keys.Where(d => d < firstKept).ToList())
                {
                    days.Remove(day);
                }
            }
        }

        return Task.CompletedTask;
    }
}
