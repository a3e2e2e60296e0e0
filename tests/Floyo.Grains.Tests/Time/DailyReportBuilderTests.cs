using Floyo.Activity;
using Floyo.Reports;
using Floyo.Time;

namespace Floyo.Grains.Tests.Time;

public sealed class DailyReportBuilderTests
{
    [Fact]
    public void Build_WhenGapsAreBelowTheTimeout_JoinsThemAndTheLastEventAddsNothing()
    {
        var days = Report("2026-03-01", "2026-03-01", [
            Beat.At("2026-03-01T10:00:00Z"), Beat.At("2026-03-01T10:05:00Z"), Beat.At("2026-03-01T10:12:30Z"),
        ]);

        var day = Assert.Single(days);
        Assert.Equal(Beat.Day("2026-03-01"), day.Day);
        Assert.Equal(750, day.TotalSeconds);
        Assert.Equal([new NamedDuration("floyo", 750)], day.Breakdown[ReportDimension.Projects]);
    }

    [Fact]
    public void Build_WhenAGapReachesTheTimeout_CountsNothingForItButCountsAGapJustBelow()
    {
        var days = Report("2026-03-01", "2026-03-01", [
            Beat.At("2026-03-01T10:00:00Z"), Beat.At("2026-03-01T10:15:00Z"), Beat.At("2026-03-01T10:29:59Z"),
        ]);

        Assert.Equal(899, Assert.Single(days).TotalSeconds);
    }

    [Fact]
    public void Build_WhenAttributesChange_AttributesEachGapToTheEarlierEvent()
    {
        var days = Report("2026-03-01", "2026-03-01", [
            Beat.At("2026-03-01T10:00:00Z", project: "a", language: "C#", entity: "a.cs"),
            Beat.At("2026-03-01T10:10:00Z", project: "b", language: "Go", entity: "b.go"),
            Beat.At("2026-03-01T10:13:00Z", project: "a", language: "C#", entity: "a.cs"),
            Beat.At("2026-03-01T10:14:00Z", project: "c", language: "Go", entity: "c.go"),
        ]);

        var day = Assert.Single(days);
        Assert.Equal(840, day.TotalSeconds);
        Assert.Equal([new NamedDuration("a", 660), new NamedDuration("b", 180)], day.Breakdown[ReportDimension.Projects]);
        Assert.Equal([new NamedDuration("C#", 660), new NamedDuration("Go", 180)], day.Breakdown[ReportDimension.Languages]);
        Assert.Equal([new NamedDuration("a.cs", 660), new NamedDuration("b.go", 180)], day.Breakdown[ReportDimension.Entities]);
    }

    [Fact]
    public void Build_WhenEventsLackValues_CountsThemUnderUnknownAndTheirCategoryAsCoding()
    {
        var bare = new ActivityEvent(ActivityKind.Modified, "notes.txt", Beat.Time("2026-03-01T10:00:00Z"));
        var days = Report("2026-03-01", "2026-03-01", [bare, bare with { Timestamp = bare.Timestamp.AddMinutes(5) }]);

        var day = Assert.Single(days);
        Assert.Equal(300, day.TotalSeconds);
        foreach (var dimension in new[]
        {
            ReportDimension.Projects, ReportDimension.Languages, ReportDimension.Editors, ReportDimension.OperatingSystems,
            ReportDimension.Machines, ReportDimension.Branches,
        })
        {
            Assert.Equal([new NamedDuration("Unknown", 300)], day.Breakdown[dimension]);
        }

        Assert.Equal([new NamedDuration("coding", 300)], day.Breakdown[ReportDimension.Categories]);
        Assert.Equal([new NamedDuration("notes.txt", 300)], day.Breakdown[ReportDimension.Entities]);
        Assert.Empty(day.Breakdown[ReportDimension.Dependencies]);
    }

    [Fact]
    public void Build_WhenEventsListDependencies_CountsTheGapOnceForEachDistinctOne()
    {
        var days = Report("2026-03-01", "2026-03-01", [
            Beat.At("2026-03-01T10:00:00Z", dependencies: ["fmt", "net/http", "fmt"]),
            Beat.At("2026-03-01T10:10:00Z", dependencies: ["fmt"]),
            Beat.At("2026-03-01T10:12:00Z"),
            Beat.At("2026-03-01T10:20:00Z"),
        ]);

        var day = Assert.Single(days);
        Assert.Equal(1200, day.TotalSeconds);
        Assert.Equal([new NamedDuration("fmt", 720), new NamedDuration("net/http", 600)], day.Breakdown[ReportDimension.Dependencies]);
    }

    [Fact]
    public void Build_WhenNamesTieOnTime_SortsThemOrdinally()
    {
        var days = Report("2026-03-01", "2026-03-01", [
            Beat.At("2026-03-01T10:00:00Z", project: "b"), Beat.At("2026-03-01T10:05:00Z", project: "a"),
            Beat.At("2026-03-01T10:15:00Z", project: "B"), Beat.At("2026-03-01T10:20:00Z", project: "end"),
        ]);

        Assert.Equal(
            [new NamedDuration("a", 600), new NamedDuration("B", 300), new NamedDuration("b", 300)],
            Assert.Single(days).Breakdown[ReportDimension.Projects]);
    }

    [Fact]
    public void Build_WhenAGapCrossesMidnightInSaoPaulo_SplitsItAtLocalMidnight()
    {
        // 23:55 and 00:05 local (UTC-3) are 02:55 and 03:05 UTC, both on the same UTC day.
        ActivityEvent[] events = [Beat.At("2026-03-01T23:55:00-03:00"), Beat.At("2026-03-02T00:05:00-03:00")];

        var both = Report("2026-03-01", "2026-03-02", events, "America/Sao_Paulo");
        var firstOnly = Report("2026-03-01", "2026-03-01", events, "America/Sao_Paulo");
        var secondOnly = Report("2026-03-02", "2026-03-02", events, "America/Sao_Paulo");
        var utc = Report("2026-03-01", "2026-03-02", events);

        Assert.Equal([300.0, 300.0], both.Select(d => d.TotalSeconds));
        Assert.Equal(300, Assert.Single(firstOnly).TotalSeconds);
        Assert.Equal(300, Assert.Single(secondOnly).TotalSeconds);
        Assert.Equal([0.0, 600.0], utc.Select(d => d.TotalSeconds));
    }

    [Fact]
    public void Build_WhenAGapSpansTheSpringForwardJumpInBerlin_CountsElapsedTimeNotWallClockTime()
    {
        // 01:55 CET and 03:05 CEST on 2026-03-29 are ten minutes apart.
        var days = Report("2026-03-29", "2026-03-29", [Beat.At("2026-03-29T01:55:00+01:00"), Beat.At("2026-03-29T03:05:00+02:00")], "Europe/Berlin");

        Assert.Equal(600, Assert.Single(days).TotalSeconds);
    }

    [Fact]
    public void Build_WhenActiveAroundTheClockOverTheBerlinDstChange_SplitsAtEachLocalMidnight()
    {
        // Every 10 minutes from 23:00 CET on 28 March (22:00 UTC) to 01:00 CEST on 30 March (23:00 UTC).
        var start = Beat.Time("2026-03-28T22:00:00Z");
        var events = Enumerable.Range(0, 6 * 25 + 1).Select(i => Beat.At("2026-03-28T22:00:00Z") with { Timestamp = start.AddMinutes(10 * i) });

        var days = Report("2026-03-28", "2026-03-30", events, "Europe/Berlin");

        Assert.Equal([3600.0, 23 * 3600.0, 3600.0], days.Select(d => d.TotalSeconds));
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-29", 23)]
    [InlineData("Europe/Berlin", "2026-10-25", 25)]
    [InlineData("America/Sao_Paulo", "2026-03-29", 24)]
    [InlineData("America/Havana", "2026-03-08", 23)]
    [InlineData("America/Havana", "2026-11-01", 25)]
    [InlineData("America/Santiago", "2026-09-06", 23)]
    public void Build_WhenActiveAllDay_CountsTheDaysRealLength(string zone, string day, int hours)
    {
        var grid = new DayGrid(Beat.Day(day), Beat.Day(day), Beat.Zone(zone));
        var events = new List<ActivityEvent>();
        for (var t = grid.Start.AddMinutes(-30); t <= grid.End.AddMinutes(30); t = t.AddMinutes(7))
        {
            events.Add(Beat.At("2026-01-01T00:00:00Z") with { Timestamp = t });
        }

        var days = Report(day, day, events, zone);

        Assert.Equal(hours * 3600.0, Assert.Single(days).TotalSeconds);
    }

    [Fact]
    public void Build_WhenFilteredByProjectOrBranch_CountsOnlyGapsWhoseEarlierEventMatches()
    {
        ActivityEvent[] events =
        [
            Beat.At("2026-03-01T10:00:00Z", project: "a", branch: "main"),
            Beat.At("2026-03-01T10:05:00Z", project: "b", branch: "dev"),
            Beat.At("2026-03-01T10:08:00Z", project: "a", branch: "dev"),
            Beat.At("2026-03-01T10:10:00Z", project: "a", branch: "main"),
            Beat.At("2026-03-01T10:20:00Z", project: null, branch: null),
            Beat.At("2026-03-01T10:24:00Z", project: "b", branch: "main"),
        ];

        var all = Assert.Single(Report("2026-03-01", "2026-03-01", events));
        Assert.Equal(
            [new NamedDuration("a", 1020), new NamedDuration("Unknown", 240), new NamedDuration("b", 180)],
            all.Breakdown[ReportDimension.Projects]);
        Assert.Equal(1020, Filtered(new ReportFilter(Project: "a")));
        Assert.Equal(900, Filtered(new ReportFilter(Branch: "main")));
        Assert.Equal(120, Filtered(new ReportFilter(Project: "a", Branch: "dev")));
        Assert.Equal(240, Filtered(new ReportFilter(Project: "Unknown")));
        Assert.Equal(0, Filtered(new ReportFilter(Project: "A")));

        double Filtered(ReportFilter filter) => Assert.Single(Report("2026-03-01", "2026-03-01", events, filter: filter)).TotalSeconds;
    }

    [Fact]
    public void Build_WhenFiltered_BreaksDownOnlyTheMatchingGaps()
    {
        var days = Report(
            "2026-03-01",
            "2026-03-01",
            [
                Beat.At("2026-03-01T10:00:00Z", project: "a", language: "C#"),
                Beat.At("2026-03-01T10:05:00Z", project: "b", language: "Go"),
                Beat.At("2026-03-01T10:06:00Z", project: "a", language: "Go"),
                Beat.At("2026-03-01T10:08:00Z", project: "a", language: "C#"),
            ],
            filter: new ReportFilter(Project: "a"));

        Assert.Equal([new NamedDuration("C#", 300), new NamedDuration("Go", 120)], Assert.Single(days).Breakdown[ReportDimension.Languages]);
    }

    [Fact]
    public void Build_WhenSomeDaysHaveNoActivity_ReportsEveryDayWithEveryDimension()
    {
        var days = Report("2026-03-01", "2026-03-03", [Beat.At("2026-03-02T10:00:00Z"), Beat.At("2026-03-02T10:01:00Z")]);

        Assert.Equal([Beat.Day("2026-03-01"), Beat.Day("2026-03-02"), Beat.Day("2026-03-03")], days.Select(d => d.Day));
        Assert.Equal([0.0, 60.0, 0.0], days.Select(d => d.TotalSeconds));
        Assert.All(days, d => Assert.Equal(Enum.GetValues<ReportDimension>(), d.Breakdown.Keys.Order()));
        Assert.All(days[0].Breakdown.Values, names => Assert.Empty(names));
    }

    [Fact]
    public void ReadWindow_IsTheRangeWidenedByTheTimeoutAndEventsOutsideItChangeNothing()
    {
        var grid = new DayGrid(Beat.Day("2026-03-01"), Beat.Day("2026-03-01"), Beat.Zone("UTC"));
        var builder = new DailyReportBuilder(grid, TimeSpan.FromMinutes(15), ReportFilter.None);
        ActivityEvent[] events =
        [
            Beat.At("2026-02-28T23:40:00Z"), Beat.At("2026-02-28T23:45:00Z"), Beat.At("2026-02-28T23:55:00Z"),
            Beat.At("2026-03-01T23:58:00Z"), Beat.At("2026-03-02T00:10:00Z"), Beat.At("2026-03-02T00:15:00Z"),
        ];
        foreach (var e in events)
        {
            builder.Add(e);
        }

        Assert.Equal(Beat.Time("2026-02-28T23:45:00Z"), builder.ReadFrom);
        Assert.Equal(Beat.Time("2026-03-02T00:15:00Z"), builder.ReadTo);
        Assert.Equal(120, Assert.Single(builder.Build()).TotalSeconds);
        Assert.Equal(120, Assert.Single(Report("2026-03-01", "2026-03-01", events)).TotalSeconds);
    }

    [Fact]
    public void Add_WhenEventsAreOutOfTimeOrder_Throws()
    {
        var builder = new DailyReportBuilder(new DayGrid(Beat.Day("2026-03-01"), Beat.Day("2026-03-01"), Beat.Zone("UTC")), TimeSpan.FromMinutes(15), ReportFilter.None);
        builder.Add(Beat.At("2026-03-01T10:05:00Z"));

        Assert.Throws<ArgumentException>(() => builder.Add(Beat.At("2026-03-01T10:00:00Z")));
    }

    /// <summary>Runs the builder as the grain does: only the events of its read window, in time order.</summary>
    internal static IReadOnlyList<DayReport> Report(
        string first,
        string last,
        IEnumerable<ActivityEvent> events,
        string zone = "UTC",
        int timeoutMinutes = 15,
        ReportFilter? filter = null)
    {
        var grid = new DayGrid(Beat.Day(first), Beat.Day(last), Beat.Zone(zone));
        var builder = new DailyReportBuilder(grid, TimeSpan.FromMinutes(timeoutMinutes), filter ?? ReportFilter.None);
        foreach (var e in events.Where(e => e.Timestamp >= builder.ReadFrom && e.Timestamp < builder.ReadTo))
        {
            builder.Add(e);
        }

        return builder.Build();
    }
}
