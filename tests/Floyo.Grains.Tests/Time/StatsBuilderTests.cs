using Floyo.Time;

namespace Floyo.Grains.Tests.Time;

public sealed class StatsBuilderTests
{
    private static readonly DateOnly Today = Beat.Day("2026-03-31");

    [Fact]
    public void Trend_WhenTodayHasNoTimeYet_KeepsTheStreakThatEndedYesterday()
    {
        var history = Days(35, daysAgo => daysAgo is 1 or 2 or 3 or 10 or 11 ? 30 : 0);

        var trend = StatsBuilder.Trend(history);

        Assert.Equal(3, trend.CurrentStreakDays);
        Assert.Equal(3, trend.LongestStreakDays);
        Assert.Equal(0, trend.TodaySeconds);
    }

    [Fact]
    public void Trend_WhenADayHasLessThanAMinute_BreaksTheStreak()
    {
        var history = Days(5, daysAgo => daysAgo switch { 0 => 20, 1 => 0.5, 2 => 20, 3 => 20, _ => 0 });

        var trend = StatsBuilder.Trend(history);

        Assert.Equal(1, trend.CurrentStreakDays);
        Assert.Equal(2, trend.LongestStreakDays);
    }

    [Fact]
    public void Trend_ComparesTheLastSevenDaysWithTheAverageOfTheFourWeeksBefore()
    {
        var history = Days(35, daysAgo => daysAgo < 7 ? 60 : daysAgo < 21 ? 30 : 0);

        var trend = StatsBuilder.Trend(history);

        Assert.Equal(7 * 3600, trend.ThisWeekSeconds);
        Assert.Equal(14 * 1800 / 4.0, trend.BaselineWeekSeconds);
        Assert.Equal(7 * 3600 / (14 * 1800 / 4.0) - 1, trend.WeekChange!.Value, 6);
    }

    [Fact]
    public void Trend_WithoutFourWeeksOfHistoryBefore_HasNoBaseline()
    {
        Assert.Null(StatsBuilder.Trend(Days(20, _ => 60)).WeekChange);
        Assert.Null(StatsBuilder.Trend(Days(35, daysAgo => daysAgo < 7 ? 60 : 0)).WeekChange);
    }

    [Fact]
    public void Build_SumsBreakdownsAndPlacesTimeOnTheWeekdayAndHour()
    {
        var monday = new DayTally(Beat.Day("2026-03-30"));
        monday.Add(Beat.At("2026-03-30T09:00:00Z", project: "a"), 9, TimeSpan.FromMinutes(30).Ticks);
        var tuesday = new DayTally(Beat.Day("2026-03-31"));
        tuesday.Add(Beat.At("2026-03-31T23:00:00Z", project: "b"), 23, TimeSpan.FromMinutes(10).Ticks);
        tuesday.Add(Beat.At("2026-03-31T09:00:00Z", project: "a"), 9, TimeSpan.FromMinutes(5).Ticks);

        var stats = StatsBuilder.Build("UTC", [monday, tuesday], [monday, tuesday], [monday, tuesday]);

        Assert.Equal(45 * 60, stats.TotalSeconds);
        Assert.Equal(2, stats.ActiveDays);
        Assert.Equal(45 * 30, stats.DailyAverageSeconds);
        Assert.Equal(1800, stats.Heatmap[0][9]);
        Assert.Equal(600, stats.Heatmap[1][23]);
        Assert.Equal(300, stats.Heatmap[1][9]);
        Assert.Equal(["a", "b"], stats.Breakdown[Reports.ReportDimension.Projects].Select(p => p.Name));
        Assert.Equal(2100, stats.Breakdown[Reports.ReportDimension.Projects][0].Seconds);
    }

    /// <summary><paramref name="count"/> days ending <see cref="Today"/>, each with the minutes the function gives for its days-ago.</summary>
    private static List<DayTally> Days(int count, Func<int, double> minutes) =>
        [.. Enumerable.Range(0, count).Reverse().Select(daysAgo =>
        {
            var tally = new DayTally(Today.AddDays(-daysAgo));
            tally.Add(Beat.At(new DateTimeOffset(Today.AddDays(-daysAgo).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)), 12, (long)(minutes(daysAgo) * TimeSpan.TicksPerMinute));
            return tally;
        })];
}
