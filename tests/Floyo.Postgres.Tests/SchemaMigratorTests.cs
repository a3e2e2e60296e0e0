using Floyo.Silo.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Floyo.Postgres.Tests;

public sealed class SchemaMigratorTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    /// <summary>The query keys the Orleans 10.4.2 ADO.NET providers refuse to start without.</summary>
    public static readonly string[] RequiredQueryKeys =
    [
        // Clustering.
        "InsertMembershipVersionKey", "UpdateIAmAlivetimeKey", "InsertMembershipKey", "UpdateMembershipKey", "MembershipReadRowKey",
        "MembershipReadAllKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey", "CleanupDefunctSiloEntriesKey",

        // Persistence.
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey",

        // Reminders.
        "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    private static readonly string[] ExpectedTables =
    [
        "floyo_account_deletions", "floyo_audit_log", "floyo_data_protection_keys", "floyo_day_rollups", "floyo_email_outbox", "floyo_event_log",
        "floyo_event_log_strings", "floyo_event_log_users", "floyo_recommendation_feedback", "floyo_recommendation_models", "floyo_schema_migrations", "floyo_span_rollups",
        "orleans_membership", "orleans_membership_version", "orleans_reminders",
        "orleans_storage", "orleansquery",
    ];

    [Fact]
    public async Task MigrateAsync_WhenRunTwice_AppliesEverythingOnceAndNothingTheSecondTime()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var dataSource = NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync());
        var migrator = new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance);

        var first = await migrator.MigrateAsync(cancellationToken);
        var second = await migrator.MigrateAsync(cancellationToken);

        Assert.Equal(SchemaMigrator.All.Select(m => m.Version), first);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 15, 16, 25, 26, 28, 29, 30], first);
        Assert.Empty(second);
        Assert.Equal(first, await Sql.QueryAsync(dataSource, "SELECT version FROM floyo_schema_migrations ORDER BY version", r => r.GetInt32(0), cancellationToken));
    }

    [Fact]
    public async Task MigrateAsync_WhenDone_CreatesEveryTableAndEveryRequiredOrleansQuery()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var dataSource = NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync());

        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(cancellationToken);

        // The event log's monthly partitions are named by month, so they are left out (EventLogPartitionTests covers them).
        var tables = await Sql.StringsAsync(
            dataSource,
            "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND NOT relispartition ORDER BY relname",
            cancellationToken);
        Assert.Equal(ExpectedTables, tables);
        var queryKeys = await Sql.StringsAsync(dataSource, "SELECT querykey FROM orleansquery", cancellationToken);
        Assert.Subset(queryKeys.ToHashSet(StringComparer.Ordinal), RequiredQueryKeys.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public async Task MigrateAsync_WhenStartedConcurrently_SucceedsEverywhereAndRecordsEachMigrationOnce()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        var dataSources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(connectionString)).ToList();
        try
        {
            var applied = await Task.WhenAll(dataSources.Select(dataSource =>
                Task.Run(() => new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(cancellationToken), cancellationToken)));

            Assert.Equal(SchemaMigrator.All.Select(m => m.Version), applied.SelectMany(versions => versions).Order());
            var counts = await Sql.StringsAsync(
                dataSources[0], "SELECT version || ':' || count(*) FROM floyo_schema_migrations GROUP BY version ORDER BY version", cancellationToken);
            Assert.Equal(SchemaMigrator.All.Select(m => $"{m.Version}:1"), counts);
        }
        finally
        {
            foreach (var dataSource in dataSources)
            {
                await dataSource.DisposeAsync();
            }
        }
    }
}
