using System.Collections.Concurrent;
using Floyo.Time.Rollups;

namespace Floyo.Silo.Rollups;

/// <summary>The embedded default's rollup store: a dictionary per user and key, lost on restart (the log is too).</summary>
public sealed class InMemoryDayRollupStore : IDayRollupStore
{
    private readonly ConcurrentDictionary<(Guid User, RollupKey Key), SortedDictionary<DateOnly, StoredDayRollup>> byUser = new();

    public Task<IReadOnlyList<StoredDayRollup>> ReadAsync(Guid userId, RollupKey key, DateOnly first, DateOnly last, CancellationToken cancellationToken = default)
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

    public Task DeleteUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        foreach (var key in byUser.Keys.Where(k => k.User == userId))
        {
            byUser.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }

    public Task DeleteBeforeAsync(Guid userId, DateOnly firstKept, CancellationToken cancellationToken = default)
    {
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
