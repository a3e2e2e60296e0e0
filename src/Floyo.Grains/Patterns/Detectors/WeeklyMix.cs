namespace Floyo.Patterns.Detectors;

/// <summary>
/// A mix of names (extensions, languages, editors, …) with this week's and the previous week's counts. When full, a
/// new name replaces the name with the smallest 14-day total (ties: ordinally smallest).
/// </summary>
internal sealed class WeeklyMix(WeeklyMixState state)
{
    public const int Capacity = 48;
    private const int Slots = 14;

    public void Add(string? name, int day)
    {
        if (string.IsNullOrWhiteSpace(name) || day < state.Day - (Slots - 1))
        {
            return;
        }

        Advance(day);
        if (!state.Counts.TryGetValue(name, out var counts))
        {
            if (state.Counts.Count >= Capacity)
            {
                var victim = state.Counts
                    .OrderBy(kv => kv.Value.Sum())
                    .ThenBy(kv => kv.Key, StringComparer.Ordinal)
                    .First().Key;
                state.Counts.Remove(victim);
            }

            counts = new long[Slots];
            state.Counts[name] = counts;
        }

        counts[day % Slots]++;
    }

    public IReadOnlyList<MixEntry> Report(int today)
    {
        long Sum(long[] counts, int from, int to)
        {
            long sum = 0;
            for (var d = Math.Max(from, state.Day - (Slots - 1)); d <= Math.Min(to, state.Day); d++)
            {
                sum += counts[d % Slots];
            }

            return sum;
        }

        var rows = state.Counts
            .Select(kv => (Name: kv.Key, This: Sum(kv.Value, today - 6, today), Previous: Sum(kv.Value, today - 13, today - 7)))
            .Where(r => r.This + r.Previous > 0)
            .ToList();
        var total = rows.Sum(r => r.This);
        return [.. rows
            .OrderByDescending(r => r.This).ThenByDescending(r => r.Previous).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new MixEntry(
                r.Name,
                r.This,
                r.Previous,
                total > 0 ? Math.Round((double)r.This / total, 4) : 0,
                r.Previous > 0 ? Math.Round((double)(r.This - r.Previous) / r.Previous, 4) : 1))];
    }

    private void Advance(int day)
    {
        if (day <= state.Day)
        {
            return;
        }

        for (var d = Math.Max(state.Day + 1, day - (Slots - 1)); d <= day; d++)
        {
            foreach (var counts in state.Counts.Values)
            {
                counts[d % Slots] = 0;
            }
        }

        state.Day = day;
        foreach (var empty in state.Counts.Where(kv => kv.Value.All(c => c == 0)).Select(kv => kv.Key).ToList())
        {
            state.Counts.Remove(empty);
        }
    }
}
