using System.Runtime.CompilerServices;

namespace Floyo.Patterns.Detectors;

/// <summary>
/// The space-saving heavy-hitter sketch (Metwally et al.): at most <c>capacity</c> keys; a new key takes the slot of
/// the smallest count and inherits it as its error, so every key whose true count exceeds total/capacity stays, and
/// <see cref="CounterEntry.Guaranteed"/> never over-counts. Ties evict the ordinally smallest key, so the sketch is
/// deterministic.
/// </summary>
internal static class SpaceSaving
{
    public const int MaxSamples = 15;

    public static CounterEntry Add(
        Dictionary<string, CounterEntry> entries, int capacity, string key, double weight, DateTimeOffset at, string? tag)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            var floor = 0.0;
            if (entries.Count >= capacity)
            {
                var victim = Smallest(entries);
                floor = entries[victim].Count;
                entries.Remove(victim);
            }

            entry = new CounterEntry { Count = floor, Error = floor };
            entries.Add(key, entry);
        }

        entry.Count += weight;
        entry.LastSeen = at;
        entry.Tag = tag;
        if (MinIndexes.TryGetValue(entries, out var index))
        {
            if (weight < 0)
            {
                // Only increases keep the index's snapshots ordered; a decrease rebuilds it when next needed.
                MinIndexes.Remove(entries);
            }
            else
            {
                index.Record(key, entry.Count, entries);
            }
        }

        return entry;
    }

    public static void AddSample(CounterEntry entry, double sample)
    {
        entry.Samples ??= [];
        entry.Samples.Add(sample);
        if (entry.Samples.Count > MaxSamples)
        {
            entry.Samples.RemoveAt(0);
        }
    }

    public static void Decay(Dictionary<string, CounterEntry> entries, double factor)
    {
        MinIndexes.Remove(entries);
        foreach (var entry in entries.Values)
        {
            entry.Count *= factor;
            entry.Error *= factor;
        }
    }

    /// <summary>The key with the smallest count, ties to the ordinally smallest key.</summary>
    private static string Smallest(Dictionary<string, CounterEntry> entries) =>
        MinIndexes.GetValue(entries, MinIndex.Of).Smallest(entries);

    /// <summary>
    /// A min-heap over the sketch's entries, so a full sketch finds its victim in O(log n) instead of scanning every entry
    /// for each new key. It holds (count, key) snapshots: one is pushed whenever a count changes, and a snapshot is
    /// current while its key is present with exactly that count. Counts only grow between decays (which drop the index),
    /// so stale snapshots are smaller than current ones and the first current snapshot on top is the true minimum. Kept
    /// beside the state (<see cref="MinIndexes"/>), never persisted, rebuilt from the entries when stale snapshots pile up.
    /// </summary>
    private sealed class MinIndex
    {
        // No comparer: for a struct priority the queue calls Snapshot.CompareTo directly (no delegate per comparison).
        private readonly PriorityQueue<string, Snapshot> heap = new();

        public static MinIndex Of(Dictionary<string, CounterEntry> entries)
        {
            var index = new MinIndex();
            index.Fill(entries);
            return index;
        }

        /// <summary>Notes <paramref name="key"/>'s new count; rebuilds from the entries once stale snapshots pile up.</summary>
        public void Record(string key, double count, Dictionary<string, CounterEntry> entries)
        {
            heap.Enqueue(key, new Snapshot(count, key));
            if (heap.Count > (4 * entries.Count) + 16)
            {
                Fill(entries);
            }
        }

        public string Smallest(Dictionary<string, CounterEntry> entries)
        {
            while (heap.TryPeek(out var key, out var snapshot))
            {
                if (entries.TryGetValue(key, out var entry) && entry.Count == snapshot.Count)
                {
                    return key;
                }

                heap.Dequeue();
            }

            throw new InvalidOperationException("The sketch is empty.");
        }

        private void Fill(Dictionary<string, CounterEntry> entries)
        {
            heap.Clear();
            foreach (var (key, entry) in entries)
            {
                heap.Enqueue(key, new Snapshot(entry.Count, key));
            }
        }
    }

    /// <summary>A key's count when it was pushed: smaller counts first, ties to the ordinally smaller key.</summary>
    private readonly record struct Snapshot(double Count, string Key) : IComparable<Snapshot>
    {
        public int CompareTo(Snapshot other) =>
            Count != other.Count ? Count.CompareTo(other.Count) : string.CompareOrdinal(Key, other.Key);
    }

    private static readonly ConditionalWeakTable<Dictionary<string, CounterEntry>, MinIndex> MinIndexes = new();
}
