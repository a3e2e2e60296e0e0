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
/// The physical limit the API is compared with: the very rows the API run stored (the event log's compact rows, read
/// back from its database), written again by raw binary <c>COPY</c> into fresh databases migrated by Floyo.Silo on the
/// same durable server. The baseline skips what the API path adds per append (interning strings, advancing the
/// user's head row), which is the point: it is the floor of writing those bytes.
/// </summary>
public sealed class CopyBaseline(PostgresServer server, RepoLayout repo)
{
    public const int BatchRows = 100;

    private const string CopyCommand = "COPY floyo_event_log (occurred_at, user_key, seq, body) FROM STDIN (FORMAT BINARY)";

    public async Task<IReadOnlyList<CopyResult>> RunAsync(CancellationToken cancellationToken)
    {
        var users = await ReadStoredRowsAsync(cancellationToken);
        var total = users.Sum(u => u.Batches.Sum(b => (long)b.Length));
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

    /// <summary>The API run's stored rows, per user in sequence order, cut into batches of <see cref="BatchRows"/>.</summary>
    private async Task<List<UserRows>> ReadStoredRowsAsync(CancellationToken cancellationToken)
    {
        var source = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = LoadTarget.ApiDatabase }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(source);
        await using var command = dataSource.CreateCommand("SELECT occurred_at, user_key, seq, body FROM floyo_event_log ORDER BY user_key, seq");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var byUser = new Dictionary<int, List<StoredRow>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new StoredRow(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetFieldValue<byte[]>(3));
            if (!byUser.TryGetValue(row.UserKey, out var rows))
            {
                byUser[row.UserKey] = rows = [];
            }

            rows.Add(row);
        }

        return [.. byUser.Values.Select(rows => new UserRows([.. rows.Chunk(BatchRows)]))];
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
    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<StoredRow[]> batches, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(CopyCommand, cancellationToken);
        foreach (var row in batches.SelectMany(b => b))
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(row.OccurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(row.UserKey, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(row.Sequence, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(row.Body, NpgsqlDbType.Bytea, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>Round-robin over users, as concurrent clients' batches would arrive.</summary>
    private static IEnumerable<StoredRow[]> Interleave(IReadOnlyList<UserRows> users)
    {
        for (var i = 0; users.Any(u => i < u.Batches.Count); i++)
        {
            foreach (var user in users.Where(u => i < u.Batches.Count))
            {
                yield return user.Batches[i];
            }
        }
    }

    private sealed record StoredRow(DateTimeOffset OccurredAt, int UserKey, int Sequence, byte[] Body);

    private sealed record UserRows(IReadOnlyList<StoredRow[]> Batches);
}
