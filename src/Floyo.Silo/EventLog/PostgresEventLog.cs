using Floyo.Activity;
using Floyo.Silo.EventLog.Storage;
using Npgsql;

namespace Floyo.Silo.EventLog;

/// <summary>
/// The durable event log: <c>floyo_event_log</c>, partitioned by month of <c>occurred_at</c>, one compact row per event
/// (see docs/ARCHITECTURE.md, "Event log storage"), with <c>floyo_event_log_users</c> (key and head of each user) and
/// <c>floyo_event_log_strings</c> (each user's strings, stored once). Appends are group-committed by
/// <see cref="GroupCommitWriter"/>; reads go through the (user_key, seq) index of each partition.
/// </summary>
public sealed class PostgresEventLog(NpgsqlDataSource dataSource, GroupCommitWriter writer) : IEventLog
{
    private const string Columns = "seq, occurred_at, body";

    /// <summary>Rows read per step while collecting recent client event ids.</summary>
    private const int HeadPageSize = 4096;

    private EventLogCatalog Catalog => writer.Catalog;

    public Task AppendAsync(Guid userId, IReadOnlyList<SequencedEvent> events, CancellationToken cancellationToken = default) =>
        writer.AppendAsync(userId, events, cancellationToken);

    public Task<IReadOnlyList<SequencedEvent>> ReadAsync(Guid userId, long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
        QueryAsync(
            userId,
            $"SELECT {Columns} FROM floyo_event_log WHERE user_key = $1 AND seq > $2 ORDER BY seq LIMIT $3",
            [afterSequence, maxCount],
            cancellationToken);

    /// <summary>Partitions outside the range are pruned; within them the user's rows come from the (user_key, seq) index.</summary>
    public Task<IReadOnlyList<SequencedEvent>> ReadRangeAsync(Guid userId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        to <= from
            ? Task.FromResult<IReadOnlyList<SequencedEvent>>([])
            : QueryAsync(
                userId,
                $"SELECT {Columns} FROM floyo_event_log WHERE user_key = $1 AND occurred_at >= $2 AND occurred_at < $3 ORDER BY occurred_at, seq",
                [from.ToUniversalTime(), to.ToUniversalTime()],
                cancellationToken);

    /// <summary>
    /// The user's row keeps which event is the latest (the writer maintains it), so this is two key lookups; the
    /// search by time is only the fallback for a pointer that is missing or whose event was deleted.
    /// </summary>
    public async Task<SequencedEvent?> ReadLastAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var latest = await QueryAsync(
            userId,
            """
            SELECT e.seq, e.occurred_at, e.body FROM floyo_event_log_users AS u
            JOIN floyo_event_log AS e ON e.user_key = u.user_key AND e.seq = u.latest_seq AND e.occurred_at = u.latest_at
            WHERE u.user_key = $1
            """,
            [],
            cancellationToken);
        if (latest.Count == 0)
        {
            latest = await QueryAsync(
                userId,
                $"SELECT {Columns} FROM floyo_event_log WHERE user_key = $1 ORDER BY occurred_at DESC, seq DESC LIMIT 1",
                [],
                cancellationToken);
        }

        return latest.Count == 0 ? null : latest[0];
    }

    /// <summary>One aggregate over the user's rows after the sequence (the (user_key, seq) index): no event leaves the database.</summary>
    public async Task<IReadOnlyDictionary<DateOnly, long>> ReadDayTouchesAsync(Guid userId, long afterSequence, CancellationToken cancellationToken = default)
    {
        var touches = new Dictionary<DateOnly, long>();
        try
        {
            if (await Catalog.FindUserKeyAsync(userId, cancellationToken) is not { } userKey)
            {
                return touches;
            }

            await using var command = dataSource.CreateCommand(
                "SELECT (occurred_at AT TIME ZONE 'UTC')::date, max(seq)::bigint FROM floyo_event_log WHERE user_key = $1 AND seq > $2 GROUP BY 1");
            command.Parameters.Add(new() { Value = userKey });
            command.Parameters.Add(new() { Value = afterSequence });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                touches[reader.GetFieldValue<DateOnly>(0)] = reader.GetInt64(1);
            }

            return touches;
        }
        catch (NpgsqlException ex)
        {
            throw new EventLogUnavailableException($"The event log could not be read: {ex.Message}");
        }
    }

    /// <summary>Only partitions the cutoff reaches are visited; within them the user's rows come from the (user_key, seq) index.</summary>
    public Task<long> PurgeBeforeAsync(Guid userId, DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        new EventLogRetention(dataSource).DeleteUserEventsBeforeAsync(userId, cutoff, cancellationToken);

    /// <summary>
    /// Deletes the user's rows from every partition, the dictionary and the user's row in one transaction; the row
    /// is locked first, so an append racing with the erasure either commits before it (and is erased) or fails.
    /// </summary>
    public async Task EraseUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var find = new NpgsqlCommand("SELECT user_key FROM floyo_event_log_users WHERE user_id = $1 FOR UPDATE", connection, transaction);
        find.Parameters.Add(new() { Value = userId });
        if (await find.ExecuteScalarAsync(cancellationToken) is not int userKey)
        {
            return;
        }

        foreach (var table in new[] { "floyo_event_log", "floyo_event_log_strings", "floyo_event_log_users" })
        {
            await using var delete = new NpgsqlCommand($"DELETE FROM {table} WHERE user_key = $1", connection, transaction);
            delete.Parameters.Add(new() { Value = userKey });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        Catalog.Forget(userId, userKey);
    }

    public async Task<EventLogHead> ReadHeadAsync(Guid userId, int recentIdCount, CancellationToken cancellationToken = default)
    {
        try
        {
            if (await Catalog.FindUserKeyAsync(userId, cancellationToken) is not { } userKey)
            {
                return new EventLogHead(0, []);
            }

            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var head = new NpgsqlCommand("SELECT last_seq FROM floyo_event_log_users WHERE user_key = $1", connection);
            head.Parameters.Add(new() { Value = userKey });
            var last = (long)(await head.ExecuteScalarAsync(cancellationToken))!;
            var recent = await RecentClientIdsAsync(connection, userKey, last, recentIdCount, cancellationToken);
            return new EventLogHead(last, recent);
        }
        catch (NpgsqlException ex)
        {
            throw new EventLogUnavailableException($"The event log could not be read: {ex.Message}");
        }
    }

    /// <summary>
    /// Walks the log backwards from the head until it has the ids (events without one are skipped) or has looked at
    /// <see cref="IEventLog.HeadScanDepth"/> events.
    /// </summary>
    private static async Task<List<KeyValuePair<string, long>>> RecentClientIdsAsync(
        NpgsqlConnection connection, int userKey, long last, int count, CancellationToken cancellationToken)
    {
        var recent = new List<KeyValuePair<string, long>>();
        var before = last + 1;
        var scanned = 0;
        while (recent.Count < count && before > 1 && scanned < IEventLog.HeadScanDepth)
        {
            await using var command = new NpgsqlCommand(
                "SELECT seq, body FROM floyo_event_log WHERE user_key = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3", connection);
            command.Parameters.Add(new() { Value = userKey });
            command.Parameters.Add(new() { Value = before });
            command.Parameters.Add(new() { Value = Math.Min(HeadPageSize, IEventLog.HeadScanDepth - scanned) });
            var rows = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows++;
                before = reader.GetInt32(0);
                if (recent.Count < count && EventBody.ReadClientEventId(reader.GetFieldValue<byte[]>(1)) is { } clientId)
                {
                    recent.Add(KeyValuePair.Create(clientId, (long)before));
                }
            }

            scanned += rows;
            if (rows < HeadPageSize)
            {
                break;
            }
        }

        recent.Reverse();
        return recent;
    }

    private async Task<IReadOnlyList<SequencedEvent>> QueryAsync(Guid userId, string sql, object[] parameters, CancellationToken cancellationToken)
    {
        try
        {
            if (await Catalog.FindUserKeyAsync(userId, cancellationToken) is not { } userKey)
            {
                return [];
            }

            var rows = new List<(long Sequence, DateTimeOffset Timestamp, byte[] Body)>();
            await using (var command = dataSource.CreateCommand(sql))
            {
                command.Parameters.Add(new() { Value = userKey });
                foreach (var value in parameters)
                {
                    command.Parameters.Add(new() { Value = value });
                }

                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add((reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<byte[]>(2)));
                }
            }

            var strings = Catalog.Dictionary(userKey);
            if (rows.Count > 0 && rows.Max(r => EventBody.MaxStringId(r.Body)) > strings.Count)
            {
                await Catalog.LoadNewStringsAsync(strings, cancellationToken);
            }

            return [.. rows.Select(r => EventBody.Decode(r.Sequence, r.Timestamp, r.Body, strings))];
        }
        catch (NpgsqlException ex)
        {
            throw new EventLogUnavailableException($"The event log could not be read: {ex.Message}");
        }
    }
}
