using Floyo.Activity;
using Npgsql;

namespace Floyo.Silo.EventLog;

/// <summary>
/// The durable event log in table <c>floyo_event_log</c>. Appends from all users are group-committed by
/// <see cref="GroupCommitWriter"/>; reads are indexed by (user_id, seq) and, for time ranges, by (user_id, occurred_at, seq).
/// </summary>
public sealed class PostgresEventLog(NpgsqlDataSource dataSource, GroupCommitWriter writer) : IEventLog
{
    private const string Columns = "seq, occurred_at, kind, entity, previous_entity, project, language, editor, branch, client_event_id, details";

    public Task AppendAsync(Guid userId, IReadOnlyList<SequencedEvent> events, CancellationToken cancellationToken = default) =>
        writer.AppendAsync(userId, events, cancellationToken);

    public Task<IReadOnlyList<SequencedEvent>> ReadAsync(Guid userId, long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"SELECT {Columns} FROM floyo_event_log WHERE user_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
            [userId, afterSequence, maxCount],
            cancellationToken);

    /// <summary>Served by the (user_id, occurred_at, seq) index of migration 0007, as is <see cref="ReadLastAsync"/>.</summary>
    public Task<IReadOnlyList<SequencedEvent>> ReadRangeAsync(Guid userId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"SELECT {Columns} FROM floyo_event_log WHERE user_id = $1 AND occurred_at >= $2 AND occurred_at < $3 ORDER BY occurred_at, seq",
            [userId, from.ToUniversalTime(), to.ToUniversalTime()],
            cancellationToken);

    public async Task<SequencedEvent?> ReadLastAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var last = await QueryAsync(
            $"SELECT {Columns} FROM floyo_event_log WHERE user_id = $1 ORDER BY occurred_at DESC, seq DESC LIMIT 1",
            [userId],
            cancellationToken);
        return last.Count == 0 ? null : last[0];
    }

    public async Task<EventLogHead> ReadHeadAsync(Guid userId, int recentIdCount, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var batch = dataSource.CreateBatch();
            batch.BatchCommands.Add(new("SELECT coalesce(max(seq), 0) FROM floyo_event_log WHERE user_id = $1") { Parameters = { new() { Value = userId } } });
            batch.BatchCommands.Add(new(
                "SELECT client_event_id, seq FROM floyo_event_log WHERE user_id = $1 AND client_event_id IS NOT NULL ORDER BY seq DESC LIMIT $2")
            {
                Parameters = { new() { Value = userId }, new() { Value = recentIdCount } },
            });
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var last = reader.GetInt64(0);
            await reader.NextResultAsync(cancellationToken);
            var recent = new List<KeyValuePair<string, long>>();
            while (await reader.ReadAsync(cancellationToken))
            {
                recent.Add(KeyValuePair.Create(reader.GetString(0), reader.GetInt64(1)));
            }

            recent.Reverse();
            return new EventLogHead(last, recent);
        }
        catch (NpgsqlException ex)
        {
            throw new EventLogUnavailableException($"The event log could not be read: {ex.Message}");
        }
    }

    private async Task<IReadOnlyList<SequencedEvent>> QueryAsync(string sql, object[] parameters, CancellationToken cancellationToken)
    {
        try
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
                events.Add(ReadEvent(reader));
            }

            return events;
        }
        catch (NpgsqlException ex)
        {
            throw new EventLogUnavailableException($"The event log could not be read: {ex.Message}");
        }
    }

    private static SequencedEvent ReadEvent(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        new ActivityEvent(
            (ActivityKind)reader.GetInt16(2),
            reader.GetString(3),
            reader.GetFieldValue<DateTimeOffset>(1),
            Project: NullableString(reader, 5),
            Language: NullableString(reader, 6),
            Editor: NullableString(reader, 7),
            Branch: NullableString(reader, 8),
            PreviousEntity: NullableString(reader, 4),
            ClientEventId: NullableString(reader, 9),
            Details: reader.IsDBNull(10) ? null : EventDetailsJson.Deserialize(reader.GetString(10))));

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
