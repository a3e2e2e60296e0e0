using Floyo.Activity;
using Floyo.Silo.Migrations;
using Floyo.Silo.Rollups;
using Floyo.Time;
using Floyo.Time.Rollups;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Floyo.Postgres.Tests.Rollups;

public sealed class PostgresDayRollupStoreTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private static readonly RollupKey Berlin = new("Europe/Berlin", 900);
    private readonly Guid userId = Guid.NewGuid();
    private NpgsqlDataSource dataSource = null!;
    private PostgresDayRollupStore store = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        dataSource = NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync());
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(Cancel);
        store = new PostgresDayRollupStore(dataSource);
    }

    public async ValueTask DisposeAsync() => await dataSource.DisposeAsync();

    [Fact]
    public async Task WriteAsync_ThenReadAsync_ReturnsEveryFieldOfTheTallies()
    {
        var day = Tally("2026-03-01", ("floyo", "src/a.cs", 10, 600), ("shop", "web/app.ts", 23, 120));

        await store.WriteAsync(userId, Berlin, [new StoredDayRollup(day, 17)], Cancel);
        var read = Assert.Single(await store.ReadAsync(userId, Berlin, day.Day, day.Day, RollupDetail.Breakdown, Cancel));

        Assert.Equal(17, read.ThroughSequence);
        Assert.Equal(day.Day, read.Tally.Day);
        Assert.Equal(day.TotalTicks, read.Tally.TotalTicks);
        Assert.Equal(day.HourTicks, read.Tally.HourTicks);
        Assert.Equal(day.ToReport().Breakdown.OrderBy(p => p.Key), read.Tally.ToReport().Breakdown.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task WriteAsync_ForAnExistingDay_ReplacesItAndKeepsOtherKeysApart()
    {
        var first = Tally("2026-03-01", ("floyo", "a.cs", 9, 60));
        var second = Tally("2026-03-01", ("floyo", "a.cs", 9, 90));
        var utc = new RollupKey("UTC", 900);

        await store.WriteAsync(userId, Berlin, [new StoredDayRollup(first, 1)], Cancel);
        await store.WriteAsync(userId, utc, [new StoredDayRollup(first, 1)], Cancel);
        await store.WriteAsync(userId, Berlin, [new StoredDayRollup(second, 2)], Cancel);

        Assert.Equal(90 * TimeSpan.TicksPerSecond, Assert.Single(await store.ReadAsync(userId, Berlin, first.Day, first.Day, RollupDetail.Breakdown, Cancel)).Tally.TotalTicks);
        Assert.Equal(60 * TimeSpan.TicksPerSecond, Assert.Single(await store.ReadAsync(userId, utc, first.Day, first.Day, RollupDetail.Breakdown, Cancel)).Tally.TotalTicks);
    }

    [Fact]
    public async Task DeleteBeforeAsync_AndDeleteUserAsync_RemoveOnlyWhatTheySay()
    {
        var other = Guid.NewGuid();
        List<StoredDayRollup> days = [.. Enumerable.Range(1, 3).Select(d => new StoredDayRollup(Tally($"2026-03-0{d}", ("p", "a.cs", 1, 5)), 3))];
        await store.WriteAsync(userId, Berlin, days, Cancel);
        await store.WriteAsync(other, Berlin, days, Cancel);

        await store.DeleteBeforeAsync(userId, Beat("2026-03-02"), Cancel);
        var kept = await store.ReadAsync(userId, Berlin, Beat("2026-01-01"), Beat("2026-12-31"), RollupDetail.Breakdown, Cancel);
        await store.DeleteUserAsync(userId, Cancel);

        Assert.Equal([Beat("2026-03-02"), Beat("2026-03-03")], kept.Select(r => r.Tally.Day).Order());
        Assert.Empty(await store.ReadAsync(userId, Berlin, Beat("2026-01-01"), Beat("2026-12-31"), RollupDetail.Breakdown, Cancel));
        Assert.Equal(3, (await store.ReadAsync(other, Berlin, Beat("2026-01-01"), Beat("2026-12-31"), RollupDetail.Breakdown, Cancel)).Count);
    }

    [Fact]
    public async Task ReadScopeAsync_GivesTheScopedTallyOfEveryStoredDayAndRewritingADayReplacesItsScopes()
    {
        var monday = Tally("2026-03-02", ("floyo", "src/a.cs", 10, 600), ("shop", "web/app.ts", 11, 120));
        var tuesday = Tally("2026-03-03", ("shop", "web/app.ts", 9, 60));
        var floyo = Tally("2026-03-02", ("floyo", "src/a.cs", 10, 600));
        var shopMonday = Tally("2026-03-02", ("shop", "web/app.ts", 11, 120));
        var shopTuesday = Tally("2026-03-03", ("shop", "web/app.ts", 9, 60));
        await store.WriteAsync(userId, Berlin, [
            new StoredDayRollup(monday, 7, new Dictionary<RollupScope, DayTally> { [RollupScope.Project("floyo")] = floyo, [RollupScope.Project("shop")] = shopMonday }),
            new StoredDayRollup(tuesday, 7, new Dictionary<RollupScope, DayTally> { [RollupScope.Project("shop")] = shopTuesday }),
        ], Cancel);

        var floyoDays = await store.ReadScopeAsync(userId, Berlin, monday.Day, tuesday.Day, RollupScope.Project("floyo"), Cancel);
        await store.WriteAsync(userId, Berlin, [new StoredDayRollup(monday, 8, new Dictionary<RollupScope, DayTally> { [RollupScope.Project("shop")] = shopMonday })], Cancel);
        var afterRewrite = await store.ReadScopeAsync(userId, Berlin, monday.Day, tuesday.Day, RollupScope.Project("floyo"), Cancel);
        var shop = await store.ReadScopeAsync(userId, Berlin, monday.Day, tuesday.Day, RollupScope.Project("shop"), Cancel);

        Assert.Equal([(monday.Day, 7L, floyo.TotalTicks), (tuesday.Day, 7L, 0L)], floyoDays.OrderBy(r => r.Tally.Day).Select(r => (r.Tally.Day, r.ThroughSequence, r.Tally.TotalTicks)));
        Assert.Equal(floyo.ToReport().Breakdown.OrderBy(p => p.Key), floyoDays.Single(r => r.Tally.Day == monday.Day).Tally.ToReport().Breakdown.OrderBy(p => p.Key));
        Assert.Equal([(monday.Day, 8L, 0L), (tuesday.Day, 7L, 0L)], afterRewrite.OrderBy(r => r.Tally.Day).Select(r => (r.Tally.Day, r.ThroughSequence, r.Tally.TotalTicks)));
        Assert.Equal([shopMonday.TotalTicks, shopTuesday.TotalTicks], shop.OrderBy(r => r.Tally.Day).Select(r => r.Tally.TotalTicks));
        Assert.Equal(monday.TotalTicks, (await store.ReadAsync(userId, Berlin, monday.Day, monday.Day, RollupDetail.Totals, Cancel)).Single().Tally.TotalTicks);
    }

    [Fact]
    public async Task ReadAsync_WithTotalsOnly_ReturnsTotalAndHoursWithoutTheBreakdown()
    {
        var day = Tally("2026-03-01", ("floyo", "src/a.cs", 10, 600));
        await store.WriteAsync(userId, Berlin, [new StoredDayRollup(day, 5)], Cancel);

        var read = Assert.Single(await store.ReadAsync(userId, Berlin, day.Day, day.Day, RollupDetail.Totals, Cancel));

        Assert.Equal(5, read.ThroughSequence);
        Assert.Equal(day.TotalTicks, read.Tally.TotalTicks);
        Assert.Equal(day.HourTicks, read.Tally.HourTicks);
        Assert.All(read.Tally.Breakdown.Values, names => Assert.Empty(names));
    }

    [Fact]
    public async Task WriteSpanAsync_ThenReadSpanAsync_ReturnsTheSpanOfThatLengthAndReplacesItOnTheNextWrite()
    {
        var older = Tally("2026-03-01", ("floyo", "src/a.cs", 10, 600));
        var newer = Tally("2026-03-02", ("shop", "web/app.ts", 11, 120));

        await store.WriteSpanAsync(userId, Berlin, new StoredSpanRollup(Beat("2026-03-01"), Beat("2026-03-07"), older, 40), Cancel);
        await store.WriteSpanAsync(userId, Berlin, new StoredSpanRollup(Beat("2026-03-02"), Beat("2026-03-08"), newer, 41), Cancel);
        var read = await store.ReadSpanAsync(userId, Berlin, 7, Cancel);

        Assert.NotNull(read);
        Assert.Equal((Beat("2026-03-02"), Beat("2026-03-08"), 41L), (read.First, read.Last, read.ThroughSequence));
        Assert.Equal(newer.HourTicks, read.Tally.HourTicks);
        Assert.Equal(newer.ToReport().Breakdown.OrderBy(p => p.Key), read.Tally.ToReport().Breakdown.OrderBy(p => p.Key));
        Assert.Null(await store.ReadSpanAsync(userId, Berlin, 8, Cancel));
        Assert.Null(await store.ReadSpanAsync(userId, new RollupKey("UTC", 900), 7, Cancel));
    }

    [Fact]
    public async Task WriteSpanAsync_BeyondTheSpansKept_DropsTheLeastRecentlyWritten()
    {
        var lengths = Enumerable.Range(3, IDayRollupStore.SpansKept + 1).ToList();
        foreach (var length in lengths)
        {
            await store.WriteSpanAsync(userId, Berlin, new StoredSpanRollup(Beat("2026-03-01"), Beat("2026-03-01").AddDays(length - 1), Tally("2026-03-01", ("p", "a.cs", 1, length)), 1), Cancel);
        }

        Assert.Null(await store.ReadSpanAsync(userId, Berlin, lengths[0], Cancel));
        foreach (var length in lengths.Skip(1))
        {
            Assert.Equal(length * TimeSpan.TicksPerSecond, (await store.ReadSpanAsync(userId, Berlin, length, Cancel))?.Tally.TotalTicks);
        }
    }

    [Fact]
    public async Task DeleteBeforeAsync_AndDeleteUserAsync_RemoveTheSpansTheyReach()
    {
        var other = Guid.NewGuid();
        var early = new StoredSpanRollup(Beat("2026-03-01"), Beat("2026-03-05"), Tally("2026-03-01", ("p", "a.cs", 1, 5)), 1);
        var late = new StoredSpanRollup(Beat("2026-03-10"), Beat("2026-03-16"), Tally("2026-03-10", ("p", "a.cs", 1, 5)), 1);
        foreach (var user in new[] { userId, other })
        {
            await store.WriteSpanAsync(user, Berlin, early, Cancel);
            await store.WriteSpanAsync(user, Berlin, late, Cancel);
        }

        await store.DeleteBeforeAsync(userId, Beat("2026-03-02"), Cancel);
        var afterRetention = (await store.ReadSpanAsync(userId, Berlin, 5, Cancel), await store.ReadSpanAsync(userId, Berlin, 7, Cancel));
        await store.DeleteUserAsync(userId, Cancel);

        Assert.Null(afterRetention.Item1);
        Assert.NotNull(afterRetention.Item2);
        Assert.Null(await store.ReadSpanAsync(userId, Berlin, 7, Cancel));
        Assert.NotNull(await store.ReadSpanAsync(other, Berlin, 5, Cancel));
    }

    private static DayTally Tally(string day, params (string Project, string Entity, int Hour, int Seconds)[] parts)
    {
        var tally = new DayTally(Beat(day));
        foreach (var (project, entity, hour, seconds) in parts)
        {
            var e = new ActivityEvent(ActivityKind.Heartbeat, entity, DateTimeOffset.UnixEpoch, project, "C#", Details: new EventDetails { Dependencies = ["x", "y"] });
            tally.Add(e, hour, seconds * TimeSpan.TicksPerSecond);
        }

        return tally;
    }

    private static DateOnly Beat(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
}
