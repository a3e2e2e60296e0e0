using Floyo.Activity;
using Floyo.Reports;
using Floyo.Silo.EventLog;
using Floyo.Silo.Rollups;
using Floyo.Time;
using Floyo.Time.Rollups;

namespace Floyo.Grains.Tests.Time;

public sealed class SpanRollupReaderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly RollupKey Key = RollupKey.Of(Berlin, Timeout);
    private readonly Guid userId = Guid.NewGuid();
    private readonly InMemoryEventLog log = new();
    private readonly InMemoryDayRollupStore store = new();
    private long sequence;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadAsync_AsTheRangeSlidesDayByDay_AlwaysAddsUpToTheSumOfItsDays()
    {
        await AppendAsync(Workdays(Beat.Day("2026-03-01"), 45));

        for (var shift = 0; shift < 12; shift++)
        {
            var grid = new DayGrid(Beat.Day("2026-03-01").AddDays(shift), Beat.Day("2026-03-30").AddDays(shift), Berlin);
            var parts = await ReadAsync(grid);
            var days = await DaysAsync(grid);

            Assert.Equal(Sum(days), Sum(parts));
            Assert.Equal(1 + SpanRollupReader.TailDays, parts.Count);
        }

        var span = await store.ReadSpanAsync(userId, Key, 30 - SpanRollupReader.TailDays, Cancel);
        Assert.Equal((Beat.Day("2026-03-12"), Beat.Day("2026-04-08")), (span?.First, span?.Last));
    }

    [Fact]
    public async Task ReadAsync_WhenTheRangeMovesOn_SlidesTheStoredSpanInsteadOfSummingEveryDayAgain()
    {
        await AppendAsync(Workdays(Beat.Day("2026-03-01"), 20));
        var monday = new DayGrid(Beat.Day("2026-03-02"), Beat.Day("2026-03-11"), Berlin);
        await ReadAsync(monday);
        var stored = await store.ReadSpanAsync(userId, Key, 8, Cancel);
        var marked = new DayTally(stored!.First);
        marked.Add(stored.Tally);
        marked.Add(Beat.At("2026-03-05T09:00:00Z", project: "marker"), 9, 42);
        await store.WriteSpanAsync(userId, Key, stored with { Tally = marked }, Cancel);

        var parts = await ReadAsync(new DayGrid(Beat.Day("2026-03-03"), Beat.Day("2026-03-12"), Berlin));

        // The marker sits on a day both spans cover: only a slid span (old span − 03-02 + 03-10) still carries it.
        Assert.Equal(42, parts[0].Breakdown[ReportDimension.Projects]["marker"]);
        Assert.Equal(Beat.Day("2026-03-03"), parts[0].Day);
    }

    [Fact]
    public async Task ReadAsync_WhenALateEventLandsInsideTheSpan_RecomputesItWithTheEvent()
    {
        await AppendAsync(Workdays(Beat.Day("2026-03-01"), 20));
        var grid = new DayGrid(Beat.Day("2026-03-02"), Beat.Day("2026-03-11"), Berlin);
        var before = Sum(await ReadAsync(grid));

        await AppendAsync(
            Beat.At("2026-03-07T03:00:00Z", project: "late", entity: "late.cs"),
            Beat.At("2026-03-07T03:10:00Z", project: "late", entity: "late.cs"));
        var parts = await ReadAsync(grid);

        Assert.Equal(Sum(await DaysAsync(grid)), Sum(parts));
        Assert.NotEqual(before, Sum(parts));
        Assert.Equal(600 * TimeSpan.TicksPerSecond, parts[0].Breakdown[ReportDimension.Projects]["late"]);
    }

    [Fact]
    public async Task ReadAsync_ForARangeNoLongerThanTheTail_ReadsItsDays()
    {
        await AppendAsync(Workdays(Beat.Day("2026-03-01"), 5));
        var grid = new DayGrid(Beat.Day("2026-03-02"), Beat.Day("2026-03-04"), Berlin);

        var parts = await ReadAsync(grid);

        Assert.Equal([Beat.Day("2026-03-02"), Beat.Day("2026-03-03"), Beat.Day("2026-03-04")], parts.Select(p => p.Day));
        Assert.Null(await store.ReadSpanAsync(userId, Key, 1, Cancel));
    }

    /// <summary>Working days with a few files of two projects, late evenings included (they cross UTC and local midnight).</summary>
    private static IEnumerable<ActivityEvent> Workdays(DateOnly first, int count)
    {
        for (var day = 0; day < count; day++)
        {
            var start = new DateTimeOffset(first.AddDays(day).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
            for (var minute = 0; minute < 16 * 60; minute += 3 + (day + minute) % 7)
            {
                var project = (day + minute / 90) % 3 == 0 ? "shop" : "floyo";
                yield return Beat.At(start.AddMinutes(minute), project: project, entity: $"{project}/f{(day * 7 + minute) % 23}.cs");
            }
        }
    }

    private async Task AppendAsync(params IEnumerable<ActivityEvent> events) =>
        await log.AppendAsync(userId, [.. events.Select(e => new SequencedEvent(++sequence, e))], Cancel);

    private async Task<IReadOnlyList<DayTally>> ReadAsync(DayGrid grid) =>
        await new SpanRollupReader(store, new RollupReader(store, log)).ReadAsync(userId, grid, Timeout, await TouchesAsync(), Cancel);

    private async Task<IReadOnlyList<DayTally>> DaysAsync(DayGrid grid) =>
        await new RollupReader(new InMemoryDayRollupStore(), log).ReadAsync(userId, grid, Timeout, await TouchesAsync(), RollupDetail.Breakdown, Cancel);

    /// <summary>Total, hours and every name's ticks, comparable as text.</summary>
    private static string Sum(IEnumerable<DayTally> parts)
    {
        var sum = new DayTally(DateOnly.MinValue);
        foreach (var part in parts)
        {
            sum.Add(part);
        }

        var names = sum.Breakdown.OrderBy(d => d.Key).SelectMany(d => d.Value.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => $"{d.Key}:{n.Key}={n.Value}"));
        return $"{sum.TotalTicks} [{string.Join(',', sum.HourTicks)}] {string.Join(' ', names)}";
    }

    /// <summary>What the pattern grain would report for the log as it stands.</summary>
    private async Task<DayTouches> TouchesAsync()
    {
        var all = await log.ReadAsync(userId, 0, int.MaxValue, Cancel);
        return new DayTouches(
            sequence,
            all.GroupBy(e => DateOnly.FromDateTime(e.Event.Timestamp.UtcDateTime)).ToDictionary(g => g.Key, g => g.Max(e => e.Sequence)));
    }
}
