using Floyo.Reports;

namespace Floyo.Time;

/// <summary>Builds <see cref="ActivityStats"/> from day tallies (pure; see the contract for every rule).</summary>
public static class StatsBuilder
{
    public const int HistoryDays = 365;
    public const int TopEntities = 50;
    public static readonly TimeSpan StreakMinimum = TimeSpan.FromMinutes(1);

    /// <param name="zone">IANA id of the days' zone.</param>
    /// <param name="range">The range's tallies, in order, already filtered; only their totals and hours are used.</param>
    /// <param name="breakdownParts">Tallies whose breakdowns add up to the range's (its days, or spans of them; see <see cref="Rollups.SpanRollupReader"/>).</param>
    /// <param name="history">The unfiltered tallies of the <see cref="HistoryDays"/> days ending on the range's last day, in order; only their totals are used.</param>
    public static ActivityStats Build(string zone, IReadOnlyList<DayTally> range, IReadOnlyList<DayTally> breakdownParts, IReadOnlyList<DayTally> history)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(breakdownParts);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfZero(range.Count);
        var total = range.Sum(d => d.TotalTicks);
        var activeDays = range.Count(d => d.TotalTicks > 0);
        return new ActivityStats(
            zone,
            range[0].Day,
            range[^1].Day,
            DayTally.Seconds(total),
            activeDays,
            activeDays == 0 ? 0 : DayTally.Seconds(total / activeDays),
            Breakdown(breakdownParts),
            [.. range.Select(d => new DailyTotal(d.Day, DayTally.Seconds(d.TotalTicks)))],
            Heatmap(range),
            Trend(history));
    }

    public static AccountTrend Trend(IReadOnlyList<DayTally> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var counts = history.Select(d => d.TotalTicks >= StreakMinimum.Ticks).ToArray();
        var current = 0;
        var end = counts.Length > 0 && !counts[^1] ? counts.Length - 1 : counts.Length;
        for (var i = end - 1; i >= 0 && counts[i]; i--)
        {
            current++;
        }

        int longest = 0, run = 0;
        foreach (var counted in counts)
        {
            run = counted ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var thisWeek = SumOfLast(history, 0, 7);
        var baselineDays = Math.Min(28, Math.Max(0, history.Count - 7));
        var hasBaseline = baselineDays == 28 && history.Take(history.Count - 7).Any(d => d.TotalTicks > 0);
        var baseline = hasBaseline ? SumOfLast(history, 7, 28) / 4 : 0;
        return new AccountTrend(
            history.Count == 0 ? 0 : DayTally.Seconds(history[^1].TotalTicks),
            current,
            longest,
            DayTally.Seconds(thisWeek),
            DayTally.Seconds(baseline),
            baseline > 0 ? (double)thisWeek / baseline - 1 : null);
    }

    private static long SumOfLast(IReadOnlyList<DayTally> days, int skip, int take) =>
        days.Reverse().Skip(skip).Take(take).Sum(d => d.TotalTicks);

    private static Dictionary<ReportDimension, IReadOnlyList<NamedDuration>> Breakdown(IReadOnlyList<DayTally> parts) =>
        EventNames.Dimensions.ToDictionary(
            dimension => dimension,
            dimension =>
            {
                var sums = new Dictionary<string, long>(StringComparer.Ordinal);
                foreach (var part in parts)
                {
                    foreach (var (name, ticks) in part.Breakdown[dimension])
                    {
                        sums[name] = sums.GetValueOrDefault(name) + ticks;
                    }
                }

                var sorted = sums.Where(n => n.Value > 0).OrderByDescending(n => n.Value).ThenBy(n => n.Key, StringComparer.Ordinal);
                return (IReadOnlyList<NamedDuration>)[.. (dimension == ReportDimension.Entities ? sorted.Take(TopEntities) : sorted)
                    .Select(n => new NamedDuration(n.Key, DayTally.Seconds(n.Value)))];
            });

    private static double[][] Heatmap(IReadOnlyList<DayTally> range)
    {
        var cells = Enumerable.Range(0, 7).Select(_ => new long[DayTally.HoursPerDay]).ToArray();
        foreach (var day in range)
        {
            var weekday = ((int)day.Day.DayOfWeek + 6) % 7;
            for (var hour = 0; hour < DayTally.HoursPerDay; hour++)
            {
                cells[weekday][hour] += day.HourTicks[hour];
            }
        }

        return [.. cells.Select(row => row.Select(DayTally.Seconds).ToArray())];
    }
}
