using System.Diagnostics;
using Floyo.Testing;
using Npgsql;
using NpgsqlTypes;

namespace Floyo.LoadGen;

/// <summary>One COPY variant's outcome.</summary>
public sealed record CopyResult(string Name, long Rows, TimeSpan Elapsed)
{
    public double EventsPerSecond => Rows / Elapsed.TotalSeconds;
}

/// <summary>
/// The physical limit the API is compared with: the same rows (same table, columns and count) written by raw binary
/// <c>COPY</c> into the same durable server, each variant into a fresh database migrated by Floyo.Silo.
/// </summary>
public sealed class CopyBaseline(PostgresServer server, RepoLayout repo, string runTag)
{
    public const int BatchRows = 100;

    private const string CopyCommand =
        "COPY floyo_event_log (user_id, seq, occurred_at, kind, entity, previous_entity, project, language, editor, branch, client_event_id) FROM STDIN (FORMAT BINARY)";

    /// <summary>Runs every variant; <paramref name="rowsByUser"/> is the API run's accepted events per user.</summary>
    public async Task<IReadOnlyList<CopyResult>> RunAsync(IReadOnlyList<long> rowsByUser, CancellationToken cancellationToken)
    {
        var users = rowsByUser.Select((rows, i) => MakeUserRows(i, rows)).Where(u => u.Batches.Count > 0).ToList();
        var total = rowsByUser.Sum();
        var results = new List<CopyResult>
        {
            await TimeAsync($"COPY {BatchRows} rows/statement, 1 connection", total, db => CopySequentialAsync(db, users, cancellationToken), cancellationToken),
        };
        if (users.Count > 1)
        {
            results.Add(await TimeAsync(
                $"COPY {BatchRows} rows/statement, {users.Count} connections", total, db => CopyParallelAsync(db, users, cancellationToken), cancellationToken));
        }

        results.Add(await TimeAsync("one COPY of all rows", total, db => CopyOnceAsync(db, users, cancellationToken), cancellationToken));
        return results;
    }

    private async Task<CopyResult> TimeAsync(string name, long rows, Func<NpgsqlDataSource, Task> copy, CancellationToken cancellationToken)
    {
        var connectionString = await server.CreateDatabaseAsync();
        await SchemaTool.MigrateAsync(repo, connectionString, cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var warm = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            // The pool's first physical connection is opened before timing.
        }

        var started = Stopwatch.GetTimestamp();
        await copy(dataSource);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM floyo_event_log");
        var stored = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        if (stored != rows)
        {
            throw new InvalidOperationException($"{name}: expected {rows} rows, found {stored}.");
        }

        return new CopyResult(name, rows, elapsed);
    }

    private static async Task CopySequentialAsync(NpgsqlDataSource dataSource, IReadOnlyList<UserRows> users, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var batch in Interleave(users))
        {
            await CopyAsync(connection, [batch], cancellationToken);
        }
    }

    private static Task CopyParallelAsync(NpgsqlDataSource dataSource, IReadOnlyList<UserRows> users, CancellationToken cancellationToken) =>
        Task.WhenAll(users.Select(async user =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            foreach (var batch in user.Batches)
            {
                await CopyAsync(connection, [batch], cancellationToken);
            }
        }));

    private static async Task CopyOnceAsync(NpgsqlDataSource dataSource, IReadOnlyList<UserRows> users, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await CopyAsync(connection, [.. users.SelectMany(u => u.Batches)], cancellationToken);
    }

    /// <summary>One COPY statement (one transaction, one commit) of the given batches.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<RowBatch> batches, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(CopyCommand, cancellationToken);
        foreach (var batch in batches)
        {
            for (var i = 0; i < batch.Events.Length; i++)
            {
                var e = batch.Events[i];
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(batch.UserId, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(batch.FirstSequence + i, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(e.Timestamp, NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(SyntheticEvent.KindValue, NpgsqlDbType.Smallint, cancellationToken);
                await importer.WriteAsync(e.Entity, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteNullAsync(cancellationToken);
                await importer.WriteAsync(SyntheticEvent.Project, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(SyntheticEvent.Language, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(SyntheticEvent.Editor, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(SyntheticEvent.Branch, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(e.Id, NpgsqlDbType.Text, cancellationToken);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>Round-robin over users, as concurrent clients' batches would arrive.</summary>
    private static IEnumerable<RowBatch> Interleave(IReadOnlyList<UserRows> users)
    {
        for (var i = 0; users.Any(u => i < u.Batches.Count); i++)
        {
            foreach (var user in users.Where(u => i < u.Batches.Count))
            {
                yield return user.Batches[i];
            }
        }
    }

    private UserRows MakeUserRows(int userIndex, long rows)
    {
        var events = new SyntheticEvents("copy-" + runTag, userIndex);
        var userId = Guid.NewGuid();
        var batches = new List<RowBatch>();
        for (long first = 1; first <= rows; first += BatchRows)
        {
            batches.Add(new RowBatch(userId, first, events.NextBatch((int)Math.Min(BatchRows, rows - first + 1))));
        }

        return new UserRows(batches);
    }

    private sealed record RowBatch(Guid UserId, long FirstSequence, SyntheticEvent[] Events);

    private sealed record UserRows(IReadOnlyList<RowBatch> Batches);
}
