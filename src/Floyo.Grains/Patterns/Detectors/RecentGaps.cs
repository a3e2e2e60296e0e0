namespace Floyo.Patterns.Detectors;

/// <summary>
/// The latest gaps between events (seconds, oldest first) kept in a detector's state list, at most <c>capacity</c>,
/// and their median, computed once per change of the list.
/// </summary>
internal sealed class RecentGaps(List<double> gaps, int capacity)
{
    private double? median;

    public int Count => gaps.Count;

    /// <summary>The median gap in seconds (0 while there is none).</summary>
    public double Median => median ??= Of(gaps);

    public void Add(TimeSpan gap)
    {
        gaps.Add(gap.TotalSeconds);
        if (gaps.Count > capacity)
        {
            gaps.RemoveAt(0);
        }

        median = null;
    }

    /// <summary>The median of the values (the mean of the middle two for an even count; 0 for none).</summary>
    public static double Of(IReadOnlyCollection<double>? values)
    {
        if (values is not { Count: > 0 })
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
