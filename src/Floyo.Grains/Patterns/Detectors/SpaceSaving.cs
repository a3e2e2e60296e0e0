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
        foreach (var entry in entries.Values)
        {
            entry.Count *= factor;
            entry.Error *= factor;
        }
    }

    private static string Smallest(Dictionary<string, CounterEntry> entries)
    {
        string? victim = null;
        var smallest = double.MaxValue;
        foreach (var (key, entry) in entries)
        {
            if (entry.Count < smallest || (entry.Count == smallest && string.CompareOrdinal(key, victim) < 0))
            {
                victim = key;
                smallest = entry.Count;
            }
        }

        return victim!;
    }
}
