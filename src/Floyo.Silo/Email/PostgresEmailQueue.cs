using Floyo.Email;
using Npgsql;

namespace Floyo.Silo.Email;

/// <summary>
/// The durable outbox: table <c>floyo_email_outbox</c> (migration 0010). Several senders (one per silo) share it:
/// claiming takes rows with <c>FOR UPDATE SKIP LOCKED</c> and pushes their next attempt past a lease, so each row goes
/// to one sender at a time.
/// </summary>
public sealed class PostgresEmailQueue(NpgsqlDataSource database, OutboxSignal signal) : IEmailQueue
{
    public async Task EnqueueAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO floyo_email_outbox (user_id, recipient, subject, html_body, text_body, template)
            VALUES ($1, $2, $3, $4, $5, $6)
            """);
        command.Parameters.Add(new() { Value = (object?)email.UserId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = email.To });
        command.Parameters.Add(new() { Value = email.Subject });
        command.Parameters.Add(new() { Value = email.HtmlBody });
        command.Parameters.Add(new() { Value = email.TextBody });
        command.Parameters.Add(new() { Value = email.Template });
        await command.ExecuteNonQueryAsync(cancellationToken);
        signal.Pulse();
    }

    public async Task<IReadOnlyList<QueuedEmail>> ClaimDueAsync(int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            UPDATE floyo_email_outbox SET attempts = attempts + 1, next_attempt_at = now() + $2
            WHERE id IN (
                SELECT id FROM floyo_email_outbox
                WHERE status = 'pending' AND next_attempt_at <= now()
                ORDER BY next_attempt_at LIMIT $1
                FOR UPDATE SKIP LOCKED)
            RETURNING id, user_id, recipient, subject, html_body, text_body, template, attempts
            """);
        command.Parameters.Add(new() { Value = max });
        command.Parameters.Add(new() { Value = lease });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<QueuedEmail>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var email = new OutgoingEmail(
                reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6),
                reader.IsDBNull(1) ? null : reader.GetGuid(1));
            claimed.Add(new QueuedEmail(reader.GetInt64(0), email, reader.GetInt32(7)));
        }

        return claimed;
    }

    public async Task MarkSentAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            UPDATE floyo_email_outbox SET status = 'sent', sent_at = now(), last_error = NULL, html_body = '', text_body = ''
            WHERE id = $1
            """);
        command.Parameters.Add(new() { Value = id });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkFailedAsync(long id, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            UPDATE floyo_email_outbox
            SET last_error = $2,
                status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
                next_attempt_at = COALESCE($3::timestamptz, next_attempt_at)
            WHERE id = $1
            """);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = error.Length > 2000 ? error[..2000] : error });
        command.Parameters.Add(new() { Value = (object?)retryAt ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("DELETE FROM floyo_email_outbox WHERE user_id = $1");
        command.Parameters.Add(new() { Value = userId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task WaitForMailAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}
