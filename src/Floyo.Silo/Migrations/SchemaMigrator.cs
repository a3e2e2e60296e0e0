using System.Reflection;
using Npgsql;

namespace Floyo.Silo.Migrations;

/// <summary>
/// Applies the versioned SQL migrations embedded in this assembly (<c>Migrations/NNNN_name.sql</c>) in order, each in
/// its own transaction, recording them in <c>floyo_schema_migrations</c>. Idempotent, and safe when several processes
/// start at once: a session-level advisory lock serialises them, and each re-reads what is applied after taking it.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    /// <summary>An arbitrary, fixed key for <c>pg_advisory_lock</c> ("floyo" in ASCII).</summary>
    private const long AdvisoryLockKey = 0x666c6f796f;

    public static IReadOnlyList<Migration> All { get; } = LoadEmbedded();

    /// <summary>Applies pending migrations; returns the versions applied by this call.</summary>
    public Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default) => MigrateAsync(int.MaxValue, cancellationToken);

    /// <summary>Applies pending migrations up to and including <paramref name="lastVersion"/> (tests of a migration start below it).</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(int lastVersion, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS floyo_schema_migrations (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);
            var applied = await AppliedVersionsAsync(connection, cancellationToken);
            var done = new List<int>();
            foreach (var migration in All.Where(m => m.Version <= lastVersion && !applied.Contains(m.Version)))
            {
                await ApplyAsync(connection, migration, cancellationToken);
                done.Add(migration.Version);
            }

            return done;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // No timeout: a migration that moves rows (0009) runs as long as the data needs.
        await using (var command = new NpgsqlCommand(migration.Sql, connection, transaction) { CommandTimeout = 0 })
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var record = new NpgsqlCommand("INSERT INTO floyo_schema_migrations (version, name) VALUES ($1, $2)", connection, transaction))
        {
            record.Parameters.Add(new() { Value = migration.Version });
            record.Parameters.Add(new() { Value = migration.Name });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Applied migration {Version} {Name}", migration.Version, migration.Name);
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM floyo_schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        const string prefix = "Floyo.Silo.Migrations.";
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Migration.FromResource(assembly, n, n[prefix.Length..^".sql".Length]))
            .OrderBy(m => m.Version)];
    }
}

/// <summary>One versioned schema change.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    internal static Migration FromResource(Assembly assembly, string resource, string fileName)
    {
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new Migration(int.Parse(fileName[..separator], System.Globalization.CultureInfo.InvariantCulture), fileName[(separator + 1)..], reader.ReadToEnd());
    }
}
