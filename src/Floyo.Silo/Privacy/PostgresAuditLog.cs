using Floyo.Privacy;
using Npgsql;

namespace Floyo.Silo.Privacy;

/// <summary>
/// The audit log in <c>floyo_audit_log</c> (migration 0015). A trigger refuses UPDATE, TRUNCATE and DELETE, except a
/// DELETE of the user named by the transaction-local setting <c>floyo.erase_user</c>, which only
/// <see cref="EraseUserAsync"/> sets. Deleted accounts leave a row in <c>floyo_account_deletions</c> (0016): a random
/// receipt and the time.
/// </summary>
public sealed class PostgresAuditLog(NpgsqlDataSource dataSource) : IAuditLog
{
    public async Task AppendAsync(Guid userId, DateTimeOffset at, AuditAction action, string? detail, string? origin, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO floyo_audit_log (user_id, occurred_at, action, detail, origin) VALUES ($1, $2, $3, $4, $5)");
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = at.ToUniversalTime() });
        command.Parameters.Add(new() { Value = action.StoredName() });
        command.Parameters.Add(new() { Value = (object?)AuditEntry.Limit(detail) ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)AuditEntry.Limit(origin) ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(Guid userId, long? before, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT id, occurred_at, action, detail, origin FROM floyo_audit_log
            WHERE user_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3
            """);
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = before ?? long.MaxValue });
        command.Parameters.Add(new() { Value = limit });
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                userId,
                reader.GetFieldValue<DateTimeOffset>(1),
                AuditActions.Parse(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return entries;
    }

    public async Task<long> EraseUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var allow = new NpgsqlCommand("SELECT set_config('floyo.erase_user', $1, true)", connection, transaction))
        {
            allow.Parameters.Add(new() { Value = userId.ToString("D") });
            await allow.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var delete = new NpgsqlCommand("DELETE FROM floyo_audit_log WHERE user_id = $1", connection, transaction);
        delete.Parameters.Add(new() { Value = userId });
        var erased = await delete.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return erased;
    }

    public async Task RecordAccountDeletionAsync(AccountDeletion deletion, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("INSERT INTO floyo_account_deletions (receipt, deleted_at) VALUES ($1, $2)");
        command.Parameters.Add(new() { Value = deletion.Receipt });
        command.Parameters.Add(new() { Value = deletion.DeletedAt.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
