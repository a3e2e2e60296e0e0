using Floyo.Activity;
using Floyo.Reports;
using Floyo.Users;

namespace Floyo.Grains.Tests.Time;

[Collection(nameof(ClusterCollection))]
public sealed class TimeReportGrainTests(ClusterFixture fixture)
{
    /// <summary>Three UTC days ago: inside the ingest window (30 days) whatever the time of day the tests run.</summary>
    private static readonly DateOnly Day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);

    [Fact]
    public async Task GetReportAsync_AfterIngest_ReportsEveryDayOfTheRangeInTheUsersZone()
    {
        var userId = await fixture.NewConsentingUserAsync();
        await IngestAsync(userId, MorningSession());

        var report = await Reports(userId).GetReportAsync(new ReportQuery(Day.AddDays(-1), Day.AddDays(1)));

        Assert.Equal("UTC", report.TimeZone);
        Assert.Equal(At(Day.AddDays(-1), 0, 0), report.Start);
        Assert.Equal(At(Day.AddDays(2), 0, 0), report.End);
        Assert.Equal([Day.AddDays(-1), Day, Day.AddDays(1)], report.Days.Select(d => d.Day));
        Assert.Equal([0.0, 1200.0, 0.0], report.Days.Select(d => d.TotalSeconds));
        Assert.Equal([new NamedDuration("floyo", 720), new NamedDuration("shop", 480)], report.Days[1].Breakdown[ReportDimension.Projects]);
        Assert.Equal([new NamedDuration("vscode", 1200)], report.Days[1].Breakdown[ReportDimension.Editors]);
    }

    [Fact]
    public async Task GetReportAsync_WhenFilteredByProject_CountsOnlyThatProjectsTime()
    {
        var userId = await fixture.NewConsentingUserAsync();
        await IngestAsync(userId, MorningSession());

        var report = await Reports(userId).GetReportAsync(new ReportQuery(Day, Day, Project: "shop"));

        Assert.Equal(480, Assert.Single(report.Days).TotalSeconds);
    }

    [Fact]
    public async Task GetReportAsync_WhenTheKeystrokeTimeoutChanges_CountsWithTheNewTimeout()
    {
        var userId = await fixture.NewConsentingUserAsync();
        await IngestAsync(userId, MorningSession());
        var query = new ReportQuery(Day, Day);
        var before = await Reports(userId).GetReportAsync(query);

        await Users(userId).UpdateSettingsAsync(UserSettings.Default with { KeystrokeTimeout = TimeSpan.FromMinutes(4) });
        var after = await Reports(userId).GetReportAsync(query);

        Assert.Equal(1200, Assert.Single(before.Days).TotalSeconds);
        Assert.Equal(120, Assert.Single(after.Days).TotalSeconds);
    }

    [Fact]
    public async Task GetReportAsync_WhenTheTimeZoneChanges_CountsTheDaysOfTheNewZoneAndTheQueryOverridesIt()
    {
        var userId = await fixture.NewConsentingUserAsync();
        await IngestAsync(userId, [Beat.At(At(Day, 23, 55)), Beat.At(At(Day.AddDays(1), 0, 5))]);
        var query = new ReportQuery(Day, Day.AddDays(1));
        var utc = await Reports(userId).GetReportAsync(query);

        await Users(userId).UpdateSettingsAsync(UserSettings.Default with { TimeZone = "America/Sao_Paulo" });
        var saoPaulo = await Reports(userId).GetReportAsync(query);
        var tokyo = await Reports(userId).GetReportAsync(query with { TimeZone = "Asia/Tokyo" });

        Assert.Equal([300.0, 300.0], utc.Days.Select(d => d.TotalSeconds));
        Assert.Equal([600.0, 0.0], saoPaulo.Days.Select(d => d.TotalSeconds));
        Assert.Equal("America/Sao_Paulo", saoPaulo.TimeZone);
        Assert.Equal(new DateTimeOffset(Day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(-3)), saoPaulo.Start);
        Assert.Equal([0.0, 600.0], tokyo.Days.Select(d => d.TotalSeconds));
        Assert.Equal("Asia/Tokyo", tokyo.TimeZone);
    }

    [Fact]
    public async Task GetReportAsync_WhenTheRangeOrTheZoneIsInvalid_ThrowsArgumentException()
    {
        var grain = Reports(Guid.NewGuid());

        var backwards = await Assert.ThrowsAsync<ArgumentException>(() => grain.GetReportAsync(new ReportQuery(Day, Day.AddDays(-1))));
        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => grain.GetReportAsync(new ReportQuery(Day.AddDays(-366), Day)));
        var zone = await Assert.ThrowsAsync<ArgumentException>(() => grain.GetReportAsync(new ReportQuery(Day, Day, TimeZone: "Mars/Olympus_Mons")));
        var durationsZone = await Assert.ThrowsAsync<ArgumentException>(() => grain.GetDurationsAsync(Day, "Mars/Olympus_Mons", ReportDimension.Projects));

        Assert.Contains("before it starts", backwards.Message, StringComparison.Ordinal);
        Assert.Contains("at most 366 days", tooLong.Message, StringComparison.Ordinal);
        Assert.Contains("Unknown time zone 'Mars/Olympus_Mons'", zone.Message, StringComparison.Ordinal);
        Assert.Contains("Unknown time zone", durationsZone.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDurationsAsync_AfterIngest_ReturnsTheDaysStretchesInStartOrder()
    {
        var userId = await fixture.NewConsentingUserAsync();
        await IngestAsync(userId, MorningSession());

        var spans = await Reports(userId).GetDurationsAsync(Day, null, ReportDimension.Projects);
        var languages = await Reports(userId).GetDurationsAsync(Day, null, ReportDimension.Languages);

        Assert.Equal([new DurationSpan("floyo", At(Day, 10, 0), 720, "floyo"), new DurationSpan("shop", At(Day, 10, 12), 480, "shop")], spans);
        Assert.Equal([new DurationSpan("C#", At(Day, 10, 0), 720, "floyo"), new DurationSpan("TypeScript", At(Day, 10, 12), 480, "shop")], languages);
    }

    [Fact]
    public async Task GetLastActivityAsync_ReturnsTheLatestEventByTimeEvenWhenAnOlderOneWasStoredLater()
    {
        var userId = await fixture.NewConsentingUserAsync();
        var none = await Reports(userId).GetLastActivityAsync();
        var latest = Beat.At(At(Day, 12, 0), project: "p") with { Details = new EventDetails { Plugin = "vim-wakatime/11.0.0" } };
        await IngestAsync(userId, [latest]);
        await IngestAsync(userId, [Beat.At(At(Day, 9, 0), project: "older")]);

        var last = await Reports(userId).GetLastActivityAsync();

        Assert.Null(none);
        Assert.Equal(new LastActivity(At(Day, 12, 0), "p", "vim-wakatime/11.0.0", "vscode"), last);
    }

    [Fact]
    public async Task GetReportAsync_WhenALateEventLandsOnADayAlreadyReported_IncludesIt()
    {
        var userId = await fixture.NewConsentingUserAsync();
        await IngestAsync(userId, MorningSession());
        var query = new ReportQuery(Day.AddDays(-2), Day);
        var before = await Reports(userId).GetReportAsync(query);

        await IngestAsync(userId, [Beat.At(At(Day.AddDays(-2), 15, 0)), Beat.At(At(Day.AddDays(-2), 15, 10))]);
        var after = await Reports(userId).GetReportAsync(query);

        Assert.Equal([0.0, 0.0, 1200.0], before.Days.Select(d => d.TotalSeconds));
        Assert.Equal([600.0, 0.0, 1200.0], after.Days.Select(d => d.TotalSeconds));
    }

    [Fact]
    public async Task GetStatsAsync_AfterIngest_ReportsTheRangeTheHeatmapAndTheStreak()
    {
        var userId = await fixture.NewConsentingUserAsync();
        await IngestAsync(userId, [.. MorningSession(), Beat.At(At(Day.AddDays(-1), 9, 0)), Beat.At(At(Day.AddDays(-1), 9, 2))]);

        var stats = await Reports(userId).GetStatsAsync(new StatsQuery(Day.AddDays(-6), Day));
        var shopOnly = await Reports(userId).GetStatsAsync(new StatsQuery(Day.AddDays(-6), Day, Project: "shop"));
        var typeScript = await Reports(userId).GetStatsAsync(new StatsQuery(Day, Day, Language: "TypeScript"));

        Assert.Equal(1320, stats.TotalSeconds);
        Assert.Equal(2, stats.ActiveDays);
        Assert.Equal(660, stats.DailyAverageSeconds);
        Assert.Equal(7, stats.Days.Count);
        Assert.Equal(1200, stats.Heatmap[Weekday(Day)][10]);
        Assert.Equal(120, stats.Heatmap[Weekday(Day.AddDays(-1))][9]);
        Assert.Equal([new NamedDuration(".cs", 840), new NamedDuration(".ts", 480)], stats.Breakdown[ReportDimension.Extensions]);
        Assert.Equal(2, stats.Account.CurrentStreakDays);
        Assert.Equal(1320, stats.Account.ThisWeekSeconds);
        Assert.Null(stats.Account.WeekChange);
        Assert.Equal(480, shopOnly.TotalSeconds);
        Assert.Equal(1320, shopOnly.Account.ThisWeekSeconds);
        Assert.Equal(480, typeScript.TotalSeconds);
    }

    private static int Weekday(DateOnly day) => ((int)day.DayOfWeek + 6) % 7;

    /// <summary>floyo 10:00, 10:05, 10:10; shop 10:12, 10:20 (UTC). Default timeout 15 min: floyo 720 s, shop 480 s.</summary>
    private static ActivityEvent[] MorningSession() =>
    [
        Beat.At(At(Day, 10, 0)), Beat.At(At(Day, 10, 5)), Beat.At(At(Day, 10, 10)),
        Beat.At(At(Day, 10, 12), project: "shop", entity: "web/app.ts", language: "TypeScript"),
        Beat.At(At(Day, 10, 20), project: "shop", entity: "web/app.ts", language: "TypeScript"),
    ];

    private static DateTimeOffset At(DateOnly day, int hour, int minute) =>
        new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);

    private async Task IngestAsync(Guid userId, IReadOnlyList<ActivityEvent> events)
    {
        var results = await fixture.Client.GetGrain<IUserActivityGrain>(userId).IngestAsync(events);
        Assert.All(results, r => Assert.Equal(IngestOutcome.Accepted, r.Outcome));
    }

    private ITimeReportGrain Reports(Guid userId) => fixture.Client.GetGrain<ITimeReportGrain>(userId);

    private IUserGrain Users(Guid userId) => fixture.Client.GetGrain<IUserGrain>(userId);
}
