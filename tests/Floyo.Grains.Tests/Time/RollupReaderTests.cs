using Floyo.Activity;
using Floyo.Reports;
using Floyo.Silo.EventLog;
using Floyo.Silo.Rollups;
using Floyo.Time;
using Floyo.Time.Rollups;

namespace Floyo.Grains.Tests.Time;

public sealed class RollupReaderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private readonly Guid userId = Guid.NewGuid();
    private readonly InMemoryEventLog log = new();
    private readonly InMemoryDayRollupStore store = new();
    private long sequence;

    [Fact]
    public async Task ReadAsync_OnFirstRead_ComputesEveryDayFromTheLogAndStoresIt()
    {
        await AppendAsync(Beat.At("2026-03-01T10:00:00Z"), Beat.At("2026-03-01T10:10:00Z"), Beat.At("2026-03-03T08:00:00Z"), Beat.At("2026-03-03T08:05:00Z"));

        var tallies = await ReadAsync("2026-03-01", "2026-03-03");
        var stored = await StoredAsync("2026-03-01", "2026-03-03");

        Assert.Equal([600.0, 0.0, 300.0], tallies.Select(t => DayTally.Seconds(t.TotalTicks)));
        Assert.Equal(600 * TimeSpan.TicksPerSecond, tallies[0].HourTicks[10]);
        Assert.Equal([4L, 4L, 4L], stored.Select(r => r.ThroughSequence));
        Assert.Equal(tallies.Select(t => t.TotalTicks), stored.Select(r => r.Tally.TotalTicks));
    }

    [Fact]
    public async Task ReadAsync_WhenNothingChanged_ReturnsTheStoredRollupsWithoutRecomputing()
    {
        await AppendAsync(Beat.At("2026-03-01T10:00:00Z"), Beat.At("2026-03-01T10:10:00Z"));
        await ReadAsync("2026-03-01", "2026-03-01");
        var marker = new DayTally(Beat.Day("2026-03-01"));
        marker.Add(Beat.At("2026-03-01T00:00:00Z"), 0, 42);
        await store.WriteAsync(userId, RollupKey.Of(Utc, Timeout), [new StoredDayRollup(marker, sequence)], TestContext.Current.CancellationToken);

        var tallies = await ReadAsync("2026-03-01", "2026-03-01");

        Assert.Same(marker, Assert.Single(tallies));
    }

    [Fact]
    public async Task ReadAsync_WhenALateEventLandsOnOneDay_RecomputesOnlyThatDayAndTheNeighboursWhoseWindowReachesIt()
    {
        await AppendAsync(Beat.At("2026-03-01T10:00:00Z"), Beat.At("2026-03-01T10:10:00Z"), Beat.At("2026-03-05T10:00:00Z"), Beat.At("2026-03-05T10:01:00Z"));
        await ReadAsync("2026-03-01", "2026-03-05");

        await AppendAsync(Beat.At("2026-03-03T12:00:00Z"), Beat.At("2026-03-03T12:07:00Z"));
        var tallies = await ReadAsync("2026-03-01", "2026-03-05");
        var stored = await StoredAsync("2026-03-01", "2026-03-05");

        Assert.Equal([600.0, 0.0, 420.0, 0.0, 60.0], tallies.Select(t => DayTally.Seconds(t.TotalTicks)));
        // Touches are kept per UTC day and a day's window reaches a timeout into each neighbour, so 03-02 and 03-04
        // are recomputed too (conservatively); 03-01 and 03-05 are not.
        Assert.Equal([4L, 6L, 6L, 6L, 4L], stored.Select(r => r.ThroughSequence));
    }

    [Fact]
    public async Task ReadAsync_WhenTheKeystrokeTimeoutDiffers_KeepsSeparateRollups()
    {
        await AppendAsync(Beat.At("2026-03-01T10:00:00Z"), Beat.At("2026-03-01T10:10:00Z"));

        var fifteen = await ReadAsync("2026-03-01", "2026-03-01");
        var five = await new RollupReader(store, log).ReadAsync(
            userId, Grid("2026-03-01", "2026-03-01"), TimeSpan.FromMinutes(5), await TouchesAsync(), RollupDetail.Breakdown, TestContext.Current.CancellationToken);

        Assert.Equal(600, DayTally.Seconds(Assert.Single(fifteen).TotalTicks));
        Assert.Equal(0, DayTally.Seconds(Assert.Single(five).TotalTicks));
    }

    [Fact]
    public async Task ReadScopeAsync_ForAProjectOrALanguage_EqualsAFilteredScanWhetherComputedOrStored()
    {
        await AppendAsync(
            Beat.At("2026-03-01T10:00:00Z", project: "floyo", language: "C#"), Beat.At("2026-03-01T10:10:00Z", project: "shop", language: "Go"),
            Beat.At("2026-03-01T10:12:00Z", project: "floyo", language: "Go"), Beat.At("2026-03-01T10:14:00Z", project: null, language: "C#"),
            Beat.At("2026-03-03T08:00:00Z", project: "shop", language: "C#"), Beat.At("2026-03-03T08:05:00Z", project: "shop", language: "C#"));
        var scopes = new (RollupScope Scope, ReportFilter Filter)[]
        {
            (RollupScope.Project("floyo"), new ReportFilter(Project: "floyo")), (RollupScope.Project("shop"), new ReportFilter(Project: "shop")),
            (RollupScope.Project(EventNames.Unknown), new ReportFilter(Project: EventNames.Unknown)), (RollupScope.Language("Go"), new ReportFilter(Language: "Go")),
            (RollupScope.Language("C#"), new ReportFilter(Language: "C#")), (RollupScope.Project("absent"), new ReportFilter(Project: "absent")),
        };

        foreach (var (scope, filter) in scopes)
        {
            var expected = await ScanAsync("2026-03-01", "2026-03-03", filter);
            var computedFirst = await new RollupReader(new InMemoryDayRollupStore(), log).ReadScopeAsync(
                userId, Grid("2026-03-01", "2026-03-03"), Timeout, await TouchesAsync(), scope, TestContext.Current.CancellationToken);
            await ReadAsync("2026-03-01", "2026-03-03");
            var stored = await new RollupReader(store, log).ReadScopeAsync(
                userId, Grid("2026-03-01", "2026-03-03"), Timeout, await TouchesAsync(), scope, TestContext.Current.CancellationToken);

            Assert.Equal(Describe(expected), Describe(computedFirst));
            Assert.Equal(Describe(expected), Describe(stored));
        }
    }

    private async Task<IReadOnlyList<DayTally>> ScanAsync(string first, string last, ReportFilter filter)
    {
        var builder = new DailyReportBuilder(Grid(first, last), Timeout, filter);
        foreach (var e in await log.ReadRangeAsync(userId, builder.ReadFrom, builder.ReadTo, TestContext.Current.CancellationToken))
        {
            builder.Add(e.Event);
        }

        return builder.BuildTallies();
    }

    private static string Describe(IEnumerable<DayTally> days) =>
        string.Join(" | ", days.Select(d => $"{d.Day} {d.TotalTicks} [{string.Join(',', d.HourTicks)}] "
            + string.Join(' ', d.Breakdown.OrderBy(p => p.Key).SelectMany(p => p.Value.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => $"{p.Key}:{n.Key}={n.Value}")))));

    private async Task AppendAsync(params ActivityEvent[] events) =>
        await log.AppendAsync(userId, [.. events.Select(e => new SequencedEvent(++sequence, e))], TestContext.Current.CancellationToken);

    private async Task<IReadOnlyList<DayTally>> ReadAsync(string first, string last) =>
        await new RollupReader(store, log).ReadAsync(userId, Grid(first, last), Timeout, await TouchesAsync(), RollupDetail.Breakdown, TestContext.Current.CancellationToken);

    private async Task<IReadOnlyList<StoredDayRollup>> StoredAsync(string first, string last) =>
        [.. (await store.ReadAsync(userId, RollupKey.Of(Utc, Timeout), Beat.Day(first), Beat.Day(last), RollupDetail.Breakdown, TestContext.Current.CancellationToken))
            .OrderBy(r => r.Tally.Day)];

    /// <summary>What the pattern grain would report for the log as it stands.</summary>
    private async Task<DayTouches> TouchesAsync()
    {
        var all = await log.ReadAsync(userId, 0, int.MaxValue, TestContext.Current.CancellationToken);
        return new DayTouches(
            sequence,
            all.GroupBy(e => DateOnly.FromDateTime(e.Event.Timestamp.UtcDateTime)).ToDictionary(g => g.Key, g => g.Max(e => e.Sequence)));
    }

    private static DayGrid Grid(string first, string last) => new(Beat.Day(first), Beat.Day(last), Utc);
}
