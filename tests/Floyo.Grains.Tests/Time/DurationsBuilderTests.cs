using Floyo.Activity;
using Floyo.Reports;
using Floyo.Time;

namespace Floyo.Grains.Tests.Time;

public sealed class DurationsBuilderTests
{
    private static readonly string[] DependencyNames = ["x", "y", "z"];

    [Fact]
    public void Build_WhenConsecutiveEventsShareAProject_MergesThemUntilTheProjectChangesOrAPauseReachesTheTimeout()
    {
        var spans = Durations("2026-03-01", ReportDimension.Projects, [
            Beat.At("2026-03-01T10:00:00Z", project: "a"), Beat.At("2026-03-01T10:05:00Z", project: "a"),
            Beat.At("2026-03-01T10:10:00Z", project: "a"), Beat.At("2026-03-01T10:12:00Z", project: "b"),
            Beat.At("2026-03-01T10:20:00Z", project: "b"), Beat.At("2026-03-01T11:00:00Z", project: "a"),
            Beat.At("2026-03-01T11:05:00Z", project: "a"),
        ]);

        Assert.Equal(
            [
                new DurationSpan("a", Beat.Time("2026-03-01T10:00:00Z"), 720, "a"),
                new DurationSpan("b", Beat.Time("2026-03-01T10:12:00Z"), 480, "b"),
                new DurationSpan("a", Beat.Time("2026-03-01T11:00:00Z"), 300, "a"),
            ],
            spans);
    }

    [Fact]
    public void Build_WhenAPauseEqualsTheTimeout_SplitsAndDropsTheLoneEvent()
    {
        var spans = Durations("2026-03-01", ReportDimension.Projects, [
            Beat.At("2026-03-01T10:00:00Z"), Beat.At("2026-03-01T10:15:00Z"), Beat.At("2026-03-01T10:20:00Z"),
        ]);

        Assert.Equal([new DurationSpan("floyo", Beat.Time("2026-03-01T10:15:00Z"), 300, "floyo")], spans);
    }

    [Fact]
    public void Build_WhenEventsShareATimestamp_KeepsTheStretchJoined()
    {
        var spans = Durations("2026-03-01", ReportDimension.Entities, [
            Beat.At("2026-03-01T10:00:00Z"), Beat.At("2026-03-01T10:05:00Z"), Beat.At("2026-03-01T10:05:00Z"),
            Beat.At("2026-03-01T10:07:00Z", entity: "b.cs"),
        ]);

        Assert.Equal([new DurationSpan("src/a.cs", Beat.Time("2026-03-01T10:00:00Z"), 420, "floyo")], spans);
    }

    [Fact]
    public void Build_WhenAStretchCrossesMidnightInSaoPaulo_ClipsItToEachDayInLocalTime()
    {
        ActivityEvent[] events =
        [
            Beat.At("2026-03-01T23:50:00-03:00"), Beat.At("2026-03-01T23:55:00-03:00"),
            Beat.At("2026-03-02T00:05:00-03:00"), Beat.At("2026-03-02T00:10:00-03:00"),
        ];

        var first = Assert.Single(Durations("2026-03-01", ReportDimension.Projects, events, "America/Sao_Paulo"));
        var second = Assert.Single(Durations("2026-03-02", ReportDimension.Projects, events, "America/Sao_Paulo"));

        Assert.Equal(new DurationSpan("floyo", Beat.Time("2026-03-01T23:50:00-03:00"), 600, "floyo"), first);
        Assert.Equal(new DurationSpan("floyo", Beat.Time("2026-03-02T00:00:00-03:00"), 600, "floyo"), second);
        Assert.Equal(TimeSpan.FromHours(-3), second.Start.Offset);
    }

    [Fact]
    public void Build_WhenSlicedByLanguage_StillSplitsStretchesAtProjectChanges()
    {
        var spans = Durations("2026-03-01", ReportDimension.Languages, [
            Beat.At("2026-03-01T10:00:00Z", project: "a", language: "C#"),
            Beat.At("2026-03-01T10:05:00Z", project: "b", language: "C#"),
            Beat.At("2026-03-01T10:10:00Z", project: "b", language: "C#"),
            Beat.At("2026-03-01T10:20:00Z", project: "b", language: "Go"),
        ]);

        Assert.Equal(
            [
                new DurationSpan("C#", Beat.Time("2026-03-01T10:00:00Z"), 300, "a"),
                new DurationSpan("C#", Beat.Time("2026-03-01T10:05:00Z"), 900, "b"),
            ],
            spans);
    }

    [Fact]
    public void Build_WhenSlicedByDependencies_GivesEachDependencyItsOwnOverlappingStretches()
    {
        var spans = Durations("2026-03-01", ReportDimension.Dependencies, [
            Beat.At("2026-03-01T10:00:00Z", dependencies: ["y", "x"]), Beat.At("2026-03-01T10:05:00Z", dependencies: ["y"]),
            Beat.At("2026-03-01T10:10:00Z"), Beat.At("2026-03-01T10:12:00Z"),
        ]);

        Assert.Equal(
            [
                new DurationSpan("x", Beat.Time("2026-03-01T10:00:00Z"), 300, "floyo"),
                new DurationSpan("y", Beat.Time("2026-03-01T10:00:00Z"), 600, "floyo"),
            ],
            spans);
    }

    [Fact]
    public void Build_WhenEventsHaveNoProject_LeavesTheProjectNullAndNamesItUnknown()
    {
        var spans = Durations("2026-03-01", ReportDimension.Projects, [
            Beat.At("2026-03-01T10:00:00Z", project: null), Beat.At("2026-03-01T10:01:00Z", project: null),
        ]);

        Assert.Equal([new DurationSpan("Unknown", Beat.Time("2026-03-01T10:00:00Z"), 60, null)], spans);
    }

    [Theory]
    [InlineData(ReportDimension.Projects)]
    [InlineData(ReportDimension.Languages)]
    [InlineData(ReportDimension.Entities)]
    [InlineData(ReportDimension.Branches)]
    [InlineData(ReportDimension.Dependencies)]
    public void Build_ForAnyStream_AddsUpToTheDailyBreakdownOfTheSameDay(ReportDimension sliceBy)
    {
        var random = new Random(20260329);
        var time = Beat.Time("2026-03-28T21:00:00Z");
        var events = new List<ActivityEvent>();
        for (var i = 0; i < 400; i++)
        {
            time = time.AddSeconds(random.Next(0, 20 * 60));
            events.Add(Beat.At(
                "2026-01-01T00:00:00Z",
                project: random.Next(4) == 0 ? null : $"p{random.Next(3)}",
                entity: $"f{random.Next(5)}.cs",
                language: $"l{random.Next(2)}",
                branch: $"b{random.Next(2)}",
                dependencies: [.. DependencyNames.Where(_ => random.Next(2) == 0)]) with { Timestamp = time });
        }

        var spans = Durations("2026-03-29", sliceBy, events, "Europe/Berlin");
        var day = Assert.Single(DailyReportBuilderTests.Report("2026-03-29", "2026-03-29", events, "Europe/Berlin"));

        Assert.True(day.TotalSeconds > 3600, $"The stream should cover the day well; it covers {day.TotalSeconds} s.");
        Assert.Equal(
            day.Breakdown[sliceBy].ToDictionary(n => n.Name, n => n.Seconds),
            spans.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.Sum(s => s.Seconds)));
    }

    [Fact]
    public void Constructor_WhenTheDimensionIsUnknown_Throws() =>
        Assert.Throws<ArgumentException>(() => new DurationsBuilder(Beat.Day("2026-03-01"), Beat.Zone("UTC"), TimeSpan.FromMinutes(15), (ReportDimension)99));

    private static IReadOnlyList<DurationSpan> Durations(string day, ReportDimension sliceBy, IEnumerable<ActivityEvent> events, string zone = "UTC")
    {
        var builder = new DurationsBuilder(Beat.Day(day), Beat.Zone(zone), TimeSpan.FromMinutes(15), sliceBy);
        foreach (var e in events.Where(e => e.Timestamp >= builder.ReadFrom && e.Timestamp < builder.ReadTo))
        {
            builder.Add(e);
        }

        return builder.Build();
    }
}
