using Floyo.Activity;

namespace Floyo.Postgres.Tests.EventLog;

public sealed class EventLogPartitionTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly DateTimeOffset January = new(2024, 1, 31, 23, 59, 59, TimeSpan.Zero);

    [Fact]
    public async Task AppendAsync_WhenEventsFallInMonthsWithoutPartitions_CreatesThemAndReadsAcrossThem()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await PostgresLogDatabase.CreateAsync(postgres, cancellationToken);
        var log = database.NewLog();
        var userId = Guid.NewGuid();

        // Two seconds apart across a month boundary, then one from an offline queue a year earlier.
        var events = SampleEvents.For(userId, 1, 3, January, TimeSpan.FromSeconds(2));
        events[2] = events[2] with { Event = events[2].Event with { Timestamp = January.AddYears(-1) } };
        await log.AppendAsync(userId, events, cancellationToken);

        Assert.Equal(
            ["floyo_event_log_p202301", "floyo_event_log_p202401", "floyo_event_log_p202402"],
            await Sql.StringsAsync(database.DataSource, "SELECT tableoid::regclass::text FROM floyo_event_log ORDER BY occurred_at", cancellationToken));
        EventAssert.Equal([events[2], events[0], events[1]], await log.ReadRangeAsync(userId, January.AddYears(-2), January.AddYears(1), cancellationToken));
        EventAssert.Equal([events[1]], await log.ReadRangeAsync(userId, January.AddSeconds(1), January.AddYears(1), cancellationToken));
        EventAssert.Equal([events[1]], [(await log.ReadLastAsync(userId, cancellationToken))!]);
    }

    [Fact]
    public async Task AddMonth_WhenTheDefaultPartitionCaughtRowsOfThatMonth_MovesThemIntoTheNewPartition()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await PostgresLogDatabase.CreateAsync(postgres, cancellationToken);
        await Sql.QueryAsync(
            database.DataSource,
            "INSERT INTO floyo_event_log VALUES ('2020-05-31 23:00:00+00', 1, 1, '\\x00'), ('2020-06-01 00:00:00+00', 1, 2, '\\x00') RETURNING seq",
            r => r.GetInt32(0),
            cancellationToken);

        var created = await Sql.QueryAsync(database.DataSource, "SELECT floyo_event_log_add_month('2020-05-17')", r => r.GetBoolean(0), cancellationToken);
        var again = await Sql.QueryAsync(database.DataSource, "SELECT floyo_event_log_add_month('2020-05-01')", r => r.GetBoolean(0), cancellationToken);

        Assert.Equal([true], created);
        Assert.Equal([false], again);
        Assert.Equal(
            ["floyo_event_log_p202005", "floyo_event_log_default"],
            await Sql.StringsAsync(database.DataSource, "SELECT tableoid::regclass::text FROM floyo_event_log ORDER BY occurred_at", cancellationToken));
    }

    [Fact]
    public async Task AddMonth_WhenSessionsCreateTheSameMonthAtOnce_CreatesItOnce()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await PostgresLogDatabase.CreateAsync(postgres, cancellationToken);

        var created = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(
            async () => (await Sql.QueryAsync(database.DataSource, "SELECT floyo_event_log_add_month('2021-07-04')", r => r.GetBoolean(0), cancellationToken))[0],
            cancellationToken)));

        Assert.Equal(1, created.Count(c => c));
        Assert.Equal(
            ["FOR VALUES FROM ('2021-07-01 00:00:00+00') TO ('2021-08-01 00:00:00+00')"],
            await Sql.StringsAsync(database.DataSource, "SET TIME ZONE 'UTC'; SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'floyo_event_log_p202107'", cancellationToken));
    }

    [Fact]
    public async Task AppendAsync_WhenASequenceNumberIsStoredInAnotherMonth_RefusesItAndAGapToo()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await PostgresLogDatabase.CreateAsync(postgres, cancellationToken);
        var (log, otherSilo) = (database.NewLog(), database.NewLog());
        var userId = Guid.NewGuid();
        var stored = SampleEvents.For(userId, 1, 2, January, TimeSpan.FromMinutes(1));
        await log.AppendAsync(userId, stored, cancellationToken);

        var again = SampleEvents.For(userId, 2, 1, January.AddMonths(3), TimeSpan.Zero);
        var gap = SampleEvents.For(userId, 4, 1, January.AddMonths(3), TimeSpan.Zero);
        await Assert.ThrowsAsync<EventLogUnavailableException>(() => otherSilo.AppendAsync(userId, again, cancellationToken));
        await Assert.ThrowsAsync<EventLogUnavailableException>(() => otherSilo.AppendAsync(userId, gap, cancellationToken));
        await Assert.ThrowsAsync<EventLogUnavailableException>(() => log.AppendAsync(userId, [again[0], gap[0]], cancellationToken));

        EventAssert.Equal(stored, await otherSilo.ReadAsync(userId, 0, 10, cancellationToken));
        Assert.Equal(2, (await otherSilo.ReadHeadAsync(userId, 10, cancellationToken)).LastSequence);
    }
}
