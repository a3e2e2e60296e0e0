using Floyo.Activity;
using Floyo.Silo.EventLog;
using Floyo.Silo.Migrations;
using Floyo.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Floyo.Postgres.Tests.EventLog;

public sealed class EventLogMigrationTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 9, 28, 12, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public async Task MigrateAsync_WhenTheOldLayoutHoldsEvents_MovesThemSoTheLogReadsThemBackUnchanged()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var dataSource = NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync());
        var migrator = new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(LegacyEventLog.LastVersion, cancellationToken);
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var firstEvents = SampleEvents.For(first, 1, 60, Start, TimeSpan.FromHours(2));
        var secondEvents = SampleEvents.For(second, 1, 5, Start, TimeSpan.FromMinutes(1));

        // Out of time order (an offline queue): the latest event by time is not the last by sequence.
        firstEvents[40] = firstEvents[40] with { Event = firstEvents[40].Event with { Timestamp = Start.AddDays(30) } };
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await LegacyEventLog.CopyAsync(connection, [.. firstEvents.Select(e => (first, e)), .. secondEvents.Select(e => (second, e))], cancellationToken);
        }

        Assert.Equal(SchemaMigrator.All.Select(m => m.Version).Where(v => v >= 8), await migrator.MigrateAsync(cancellationToken));

        await using var writer = new GroupCommitWriter(dataSource, NullLogger<GroupCommitWriter>.Instance);
        var log = new PostgresEventLog(dataSource, writer);
        EventAssert.Equal(firstEvents, await log.ReadAsync(first, 0, 1000, cancellationToken));
        EventAssert.Equal(secondEvents, await log.ReadAsync(second, 0, 1000, cancellationToken));
        EventAssert.Equal([firstEvents[40]], [(await log.ReadLastAsync(first, cancellationToken))!]);
        var head = await log.ReadHeadAsync(first, 3, cancellationToken);
        Assert.Equal(60, head.LastSequence);
        Assert.Equal(firstEvents.Where(e => e.Event.ClientEventId is not null).TakeLast(3).Select(e => KeyValuePair.Create(e.Event.ClientEventId!, e.Sequence)), head.RecentClientIds);
        Assert.Equal(["floyo_event_log_p202609", "floyo_event_log_p202610"], await PartitionsWithRowsAsync(dataSource, cancellationToken));
        Assert.Empty(await Sql.StringsAsync(dataSource, "SELECT relname::text FROM pg_class WHERE relname = 'floyo_event_log_legacy' OR relname LIKE 'floyo_0009%'", cancellationToken));

        // The log goes on where the old one ended: new strings are numbered after the migrated ones, a used sequence is refused.
        var next = SampleEvents.For(first, 61, 3, Start.AddDays(31), TimeSpan.FromMinutes(1))
            .Select(e => e with { Event = e.Event with { Entity = "src/new.cs" } }).ToList();
        await log.AppendAsync(first, next, cancellationToken);
        await Assert.ThrowsAsync<EventLogUnavailableException>(() => log.AppendAsync(first, SampleEvents.For(first, 60, 1, Start, TimeSpan.Zero), cancellationToken));

        // An event made only of migrated strings (contexts included: the migration writes them as the writer does) adds none.
        var strings = await Sql.QueryAsync(dataSource, "SELECT count(*) FROM floyo_event_log_strings", r => r.GetInt64(0), cancellationToken);
        var repeat = firstEvents[1] with { Sequence = 64 };
        await log.AppendAsync(first, [repeat], cancellationToken);
        Assert.Equal(strings, await Sql.QueryAsync(dataSource, "SELECT count(*) FROM floyo_event_log_strings", r => r.GetInt64(0), cancellationToken));

        await using var otherWriter = new GroupCommitWriter(dataSource, NullLogger<GroupCommitWriter>.Instance);
        EventAssert.Equal([.. firstEvents, .. next, repeat], await new PostgresEventLog(dataSource, otherWriter).ReadAsync(first, 0, 1000, cancellationToken));
    }

    private static Task<List<string>> PartitionsWithRowsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        Sql.StringsAsync(dataSource, "SELECT DISTINCT tableoid::regclass::text FROM floyo_event_log ORDER BY 1", cancellationToken);
}
