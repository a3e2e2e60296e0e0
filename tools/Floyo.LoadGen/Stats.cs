using System.Diagnostics;

namespace Floyo.LoadGen;

/// <summary>Nearest-rank percentiles over <see cref="Stopwatch"/> ticks, reported in milliseconds.</summary>
public static class Stats
{
    public static double ToMilliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    /// <summary>The p-th percentile (0 &lt; p ≤ 100) of sorted values, in ms; NaN when empty.</summary>
    public static double Percentile(long[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return ToMilliseconds(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }

    /// <summary>The p-th percentile of weighted values (value, count), sorted by value, in ms; NaN when empty.</summary>
    public static double Percentile(IReadOnlyList<(long Value, long Count)> sorted, long total, double p)
    {
        if (total == 0)
        {
            return double.NaN;
        }

        var rank = (long)Math.Ceiling(p / 100 * total);
        var seen = 0L;
        foreach (var (value, count) in sorted)
        {
            seen += count;
            if (seen >= rank)
            {
                return ToMilliseconds(value);
            }
        }

        return ToMilliseconds(sorted[^1].Value);
    }
}
