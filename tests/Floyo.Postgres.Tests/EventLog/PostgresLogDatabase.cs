using Floyo.Silo.EventLog;
using Floyo.Silo.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Floyo.Postgres.Tests.EventLog;

/// <summary>A migrated database of its own and a Postgres event log on it (more logs = more silos on one database).</summary>
internal sealed class PostgresLogDatabase : IAsyncDisposable
{
    private readonly List<GroupCommitWriter> writers = [];

    private PostgresLogDatabase(NpgsqlDataSource dataSource) => DataSource = dataSource;

    public NpgsqlDataSource DataSource { get; }

    public static async Task<PostgresLogDatabase> CreateAsync(PostgresFixture postgres, CancellationToken cancellationToken)
    {
        var dataSource = NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync());
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(cancellationToken);
        return new PostgresLogDatabase(dataSource);
    }

    /// <summary>A new log with its own writer and caches, as a second silo would have.</summary>
    public PostgresEventLog NewLog()
    {
        var writer = new GroupCommitWriter(DataSource, NullLogger<GroupCommitWriter>.Instance);
        writers.Add(writer);
        return new PostgresEventLog(DataSource, writer);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var writer in writers)
        {
            await writer.DisposeAsync();
        }

        await DataSource.DisposeAsync();
    }
}
