namespace Floyo.Patterns.Detectors;

/// <summary>
/// Scores days against the user's own baseline with robust z-scores: for each daily feature, |value − median| divided
/// by 1.4826 × the median absolute deviation of the preceding active days (at least a feature-specific floor, so a
/// perfectly regular baseline does not make every small change infinite). A day's score is its largest feature score.
/// </summary>
internal static class UnusualDayScorer
{
    public const int BaselineDays = 56;

    /// <summary>Daily feature vector, in the order of <see cref="Names"/>.</summary>
    public static readonly string[] Names =
        ["events", "active-hours", "files", "projects", "switches-per-hour", "first-hour", "last-hour", "focus-hours"];

    private static readonly HashSet<string> Cumulative =
        new(["events", "active-hours", "files", "projects", "last-hour", "focus-hours"], StringComparer.Ordinal);

    private static readonly double[] Floors = [10, 0.5, 2, 0.5, 0.5, 1, 1, 1];

    public static double[] Features(DayStats day, double focusSeconds) =>
    [
        day.Events, day.ActiveHours, Math.Round(day.Files, 1), day.Projects.Count,
        day.ActiveHours > 0 ? day.Switches / day.ActiveHours : 0,
        day.FirstMinute / 60.0, day.LastMinute / 60.0, focusSeconds / 3600,
    ];

    /// <summary>
    /// Unusual days among the last 28 (newest first), each scored against up to 56 earlier active days. Today (the
    /// newest day, still going on) counts only where it is already above the baseline on a growing total.
    /// </summary>
    public static IReadOnlyList<UnusualDay> Find(
        IReadOnlyList<(int Day, double[] Features)> days, int today, double threshold, int minBaseline)
    {
        var found = new List<UnusualDay>();
        for (var i = 0; i < days.Count; i++)
        {
            var (day, features) = days[i];
            var baseline = days.Take(i).Where(d => d.Day >= day - BaselineDays).Select(d => d.Features).ToList();
            if (day <= today - 28 || baseline.Count < minBaseline)
            {
                continue;
            }

            var drivers = Score(features, baseline);
            if (day == today)
            {
                // Today is not over: a total below the baseline says nothing yet, only one above it does.
                drivers = [.. drivers.Where(d => !Cumulative.Contains(d.Name) || d.Value >= d.BaselineMedian)];
            }

            if (drivers.Count == 0)
            {
                continue;
            }

            if (drivers[0].Deviation >= threshold)
            {
                found.Add(new UnusualDay(DateOnly.FromDayNumber(day), drivers[0].Deviation, threshold,
                    [.. drivers.Where(d => d.Deviation >= threshold / 2).Take(3)]));
            }
        }

        found.Reverse();
        return found;
    }

    /// <summary>Every feature's deviation from the baseline, largest first.</summary>
    public static List<UnusualFeature> Score(double[] features, IReadOnlyList<double[]> baseline)
    {
        var result = new List<UnusualFeature>(Names.Length);
        for (var f = 0; f < Names.Length; f++)
        {
            var values = baseline.Select(b => b[f]).ToList();
            var median = Median(values);
            var mad = Median([.. values.Select(v => Math.Abs(v - median))]);
            var scale = Math.Max(1.4826 * mad, Math.Max(Floors[f], 0.15 * Math.Abs(median)));
            result.Add(new UnusualFeature(Names[f], Math.Round(features[f], 2), Math.Round(median, 2),
                Math.Round(Math.Abs(features[f] - median) / scale, 2)));
        }

        return [.. result.OrderByDescending(r => r.Deviation).ThenBy(r => r.Name, StringComparer.Ordinal)];
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
