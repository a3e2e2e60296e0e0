namespace Floyo.Reports;

/// <summary>
/// Time accounting for a range of local days in the user's time zone. All durations are seconds of active time (see the
/// keystroke-timeout rule in docs/ARCHITECTURE.md).
/// </summary>
/// <param name="TimeZone">The IANA time zone the days are in.</param>
/// <param name="Start">First local day of the range.</param>
/// <param name="End">Last local day of the range.</param>
/// <param name="TotalSeconds">Active time in the range (after the filter).</param>
/// <param name="ActiveDays">Days of the range with any active time.</param>
/// <param name="DailyAverageSeconds">Total divided by active days (0 when there are none).</param>
/// <param name="Breakdown">Per dimension, the names and their time, largest first (entities: the top 50 files).</param>
/// <param name="Days">Every day of the range with its total, in order.</param>
/// <param name="Heatmap">Seconds per weekday (index 0 = Monday) × local hour (0–23), summed over the range.</param>
/// <param name="Account">Whole-account figures that do not depend on the range or filter.</param>
[GenerateSerializer, Immutable, Alias("floyo.ActivityStats")]
public sealed record ActivityStats(
    [property: Id(0)] string TimeZone,
    [property: Id(1)] DateOnly Start,
    [property: Id(2)] DateOnly End,
    [property: Id(3)] double TotalSeconds,
    [property: Id(4)] int ActiveDays,
    [property: Id(5)] double DailyAverageSeconds,
    [property: Id(6)] IReadOnlyDictionary<ReportDimension, IReadOnlyList<NamedDuration>> Breakdown,
    [property: Id(7)] IReadOnlyList<DailyTotal> Days,
    [property: Id(8)] IReadOnlyList<IReadOnlyList<double>> Heatmap,
    [property: Id(9)] AccountTrend Account);

/// <summary>One local day's active time.</summary>
[GenerateSerializer, Immutable, Alias("floyo.DailyTotal")]
public sealed record DailyTotal([property: Id(0)] DateOnly Day, [property: Id(1)] double Seconds);

/// <summary>
/// Streaks and this week against the user's own baseline, over the 365 days ending the query's last day. A day counts
/// toward a streak when it has at least a minute of active time.
/// </summary>
/// <param name="TodaySeconds">Active time on the query's last day.</param>
/// <param name="CurrentStreakDays">Consecutive counting days ending on the last day (or the day before, when the last
/// day has no time yet: a streak is not broken before the day is over).</param>
/// <param name="LongestStreakDays">The longest run of counting days in the 365 days.</param>
/// <param name="ThisWeekSeconds">Active time in the 7 days ending on the last day.</param>
/// <param name="BaselineWeekSeconds">Average active time of the four 7-day weeks before those.</param>
/// <param name="WeekChange">ThisWeek / Baseline − 1 (e.g. 0.25 = 25 % more), or null without a baseline.</param>
[GenerateSerializer, Immutable, Alias("floyo.AccountTrend")]
public sealed record AccountTrend(
    [property: Id(0)] double TodaySeconds,
    [property: Id(1)] int CurrentStreakDays,
    [property: Id(2)] int LongestStreakDays,
    [property: Id(3)] double ThisWeekSeconds,
    [property: Id(4)] double BaselineWeekSeconds,
    [property: Id(5)] double? WeekChange);
