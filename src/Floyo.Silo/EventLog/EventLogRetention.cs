using Npgsql;

namespace Floyo.Silo.EventLog;

/// <summary>
/// Removes old events. Whole months go cheaply: <see cref="DropMonthsBeforeAsync"/> drops each monthly partition that
/// ends at or before the cutoff (no row-by-row delete, no vacuum debt). One user's events go with
/// <see cref="DeleteUserEventsBeforeAsync"/>, which deletes rows only in the partitions the cutoff reaches. Heads
/// (last sequence numbers) stay, so a user's sequence continues after a purge; string dictionaries stay too.
/// </summary>
public sealed class EventLogRetention(NpgsqlDataSource dataSource)
{
    /// <summary>Drops the monthly partitions wholly before <paramref name="cutoff"/> and returns their names, oldest first.</summary>
    public async Task<IReadOnlyList<string>> DropMonthsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var cutoffUtc = cutoff.ToUniversalTime();
        var dropped = new List<string>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var (name, month) in await MonthlyPartitionsAsync(connection, cancellationToken))
        {
            var end = new DateTimeOffset(month.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            if (end > cutoffUtc)
            {
                continue;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, $"DROP TABLE {Quote(name)}", cancellationToken);
            await ForgetDeletedLatestAsync(connection, null, end, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            dropped.Add(name);
        }

        // Rows the safety-net partition caught for months that had no partition.
        await using var transactionForDefault = await connection.BeginTransactionAsync(cancellationToken);
        await using (var delete = new NpgsqlCommand("DELETE FROM floyo_event_log_default WHERE occurred_at < $1", connection))
        {
            delete.Parameters.Add(new() { Value = cutoff.ToUniversalTime() });
            if (await delete.ExecuteNonQueryAsync(cancellationToken) > 0)
            {
                await ForgetDeletedLatestAsync(connection, null, cutoff, cancellationToken);
            }
        }

        await transactionForDefault.CommitAsync(cancellationToken);
        return dropped;
    }

    /// <summary>Deletes the user's events with a timestamp before <paramref name="cutoff"/>; returns how many.</summary>
    public async Task<long> DeleteUserEventsBeforeAsync(Guid userId, DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var delete = new NpgsqlCommand(
            """
            DELETE FROM floyo_event_log
            WHERE user_key = (SELECT user_key FROM floyo_event_log_users WHERE user_id = $1) AND occurred_at < $2
            """,
            connection);
        delete.Parameters.Add(new() { Value = userId });
        delete.Parameters.Add(new() { Value = cutoff.ToUniversalTime() });
        var deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
        await ForgetDeletedLatestAsync(connection, userId, cutoff, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    /// <summary>
    /// A latest-event pointer older than the cutoff may point at a deleted event; ReadLastAsync then searches by time.
    /// </summary>
    private static async Task ForgetDeletedLatestAsync(NpgsqlConnection connection, Guid? userId, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE floyo_event_log_users SET latest_at = NULL, latest_seq = NULL WHERE latest_at < $1 AND ($2::uuid IS NULL OR user_id = $2)",
            connection);
        command.Parameters.Add(new() { Value = cutoff.ToUniversalTime() });
        command.Parameters.Add(new() { Value = (object?)userId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<(string Name, DateOnly Month)>> MonthlyPartitionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT c.relname FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'floyo_event_log'::regclass AND c.relname ~ '^floyo_event_log_p[0-9]{6}$'
            ORDER BY c.relname
            """,
            connection);
        var partitions = new List<(string, DateOnly)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            var yyyymm = name[^6..];
            partitions.Add((name, new DateOnly(int.Parse(yyyymm[..4], System.Globalization.CultureInfo.InvariantCulture), int.Parse(yyyymm[4..], System.Globalization.CultureInfo.InvariantCulture), 1)));
        }

        return partitions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
