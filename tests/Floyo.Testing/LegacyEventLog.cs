using System.Text.Json;
using System.Text.Json.Serialization;
using Floyo.Activity;
using Npgsql;
using NpgsqlTypes;

namespace Floyo.Testing;

/// <summary>
/// The event log's layout before migration 0008 (migrations 0005–0007: one row per event, uuid user, text columns,
/// details as jsonb), written and read as the log did then. For the migration's tests and the storage benchmark's
/// baseline; the product no longer uses it.
/// </summary>
public static class LegacyEventLog
{
    /// <summary>The last migration of that layout.</summary>
    public const int LastVersion = 7;

    private const string CopyCommand =
        "COPY floyo_event_log (user_id, seq, occurred_at, kind, entity, previous_entity, project, language, editor, branch, client_event_id, details) FROM STDIN (FORMAT BINARY)";

    private const string Columns = "seq, occurred_at, kind, entity, previous_entity, project, language, editor, branch, client_event_id, details";

    private static readonly JsonSerializerOptions DetailsJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    /// <summary>One binary COPY of the rows, as the old group-commit writer did.</summary>
    public static async Task CopyAsync(NpgsqlConnection connection, IEnumerable<(Guid UserId, SequencedEvent Stored)> rows, CancellationToken cancellationToken = default)
    {
        await using var importer = await connection.BeginBinaryImportAsync(CopyCommand, cancellationToken);
        foreach (var (userId, stored) in rows)
        {
            var e = stored.Event;
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(userId, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(stored.Sequence, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(e.Timestamp.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync((short)e.Kind, NpgsqlDbType.Smallint, cancellationToken);
            await importer.WriteAsync(e.Entity, NpgsqlDbType.Text, cancellationToken);
            foreach (var value in new[] { e.PreviousEntity, e.Project, e.Language, e.Editor, e.Branch, e.ClientEventId })
            {
                await (value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken));
            }

            await (e.Details is null
                ? importer.WriteNullAsync(cancellationToken)
                : importer.WriteAsync(JsonSerializer.Serialize(e.Details, DetailsJson), NpgsqlDbType.Jsonb, cancellationToken));
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>The old <c>ReadAsync</c>: by sequence, through the primary key.</summary>
    public static Task<List<SequencedEvent>> ReadAsync(NpgsqlDataSource dataSource, Guid userId, long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
        QueryAsync(dataSource, $"SELECT {Columns} FROM floyo_event_log WHERE user_id = $1 AND seq > $2 ORDER BY seq LIMIT $3", [userId, afterSequence, maxCount], cancellationToken);

    /// <summary>The old <c>ReadRangeAsync</c>: by time, through the (user_id, occurred_at, seq) index.</summary>
    public static Task<List<SequencedEvent>> ReadRangeAsync(NpgsqlDataSource dataSource, Guid userId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        QueryAsync(
            dataSource,
            $"SELECT {Columns} FROM floyo_event_log WHERE user_id = $1 AND occurred_at >= $2 AND occurred_at < $3 ORDER BY occurred_at, seq",
            [userId, from.ToUniversalTime(), to.ToUniversalTime()],
            cancellationToken);

    /// <summary>The old <c>ReadLastAsync</c>: one backward step of the (user_id, occurred_at, seq) index.</summary>
    public static Task<List<SequencedEvent>> ReadLastAsync(NpgsqlDataSource dataSource, Guid userId, CancellationToken cancellationToken = default) =>
        QueryAsync(dataSource, $"SELECT {Columns} FROM floyo_event_log WHERE user_id = $1 ORDER BY occurred_at DESC, seq DESC LIMIT 1", [userId], cancellationToken);

    private static async Task<List<SequencedEvent>> QueryAsync(NpgsqlDataSource dataSource, string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new() { Value = value });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<SequencedEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new SequencedEvent(
                reader.GetInt64(0),
                new ActivityEvent(
                    (ActivityKind)reader.GetInt16(2),
                    reader.GetString(3),
                    reader.GetFieldValue<DateTimeOffset>(1),
                    Project: Nullable(reader, 5),
                    Language: Nullable(reader, 6),
                    Editor: Nullable(reader, 7),
                    Branch: Nullable(reader, 8),
                    PreviousEntity: Nullable(reader, 4),
                    ClientEventId: Nullable(reader, 9),
                    Details: reader.IsDBNull(10) ? null : JsonSerializer.Deserialize<EventDetails>(reader.GetString(10), DetailsJson))));
        }

        return events;
    }

    private static string? Nullable(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
