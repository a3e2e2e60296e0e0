using Floyo.Activity;
using Floyo.Activity.Codecs;
using Npgsql;
using NpgsqlTypes;

namespace Floyo.Silo.EventLog.Storage;

/// <summary>
/// Stores a group of appends (any users) in one transaction:
/// <list type="number">
/// <item>advance each user's head in <c>floyo_event_log_users</c> only where the append continues it
/// (<c>last_seq = first − 1</c>); the row stays locked until commit, so appends of one user are serialised across
/// silos and a sequence number already stored (or a gap) fails the whole group;</item>
/// <item>under that lock, intern the strings the user's dictionary lacks, numbered after <c>last_string_id</c>;</item>
/// <item>one binary <c>COPY</c> of the events: straight into the month's partition when they all fall in one month
/// (the usual case: PostgreSQL then skips routing each row), else into the partitioned <c>floyo_event_log</c>.</item>
/// </list>
/// </summary>
internal sealed class AppendTransaction(NpgsqlDataSource dataSource, EventLogCatalog catalog, EventLogPartitions partitions)
{
    private const string EventLogTable = "floyo_event_log";
    private const string UndefinedTable = "42P01";
    private const string CopyStrings = "COPY floyo_event_log_strings (user_key, id, value) FROM STDIN (FORMAT BINARY)";

    private const string AdvanceHeads = """
        UPDATE floyo_event_log_users AS u
        SET last_seq = v.last_seq,
            latest_at = CASE WHEN u.latest_at IS NULL OR (v.latest_at, v.latest_seq) > (u.latest_at, u.latest_seq) THEN v.latest_at ELSE u.latest_at END,
            latest_seq = CASE WHEN u.latest_at IS NULL OR (v.latest_at, v.latest_seq) > (u.latest_at, u.latest_seq) THEN v.latest_seq ELSE u.latest_seq END
        FROM unnest($1::integer[], $2::bigint[], $3::bigint[], $4::timestamptz[], $5::bigint[])
            AS v (user_key, first_seq, last_seq, latest_at, latest_seq)
        WHERE u.user_key = v.user_key AND u.last_seq = v.first_seq - 1
        RETURNING u.user_key, u.last_string_id
        """;

    private const string AdvanceStringIds = """
        UPDATE floyo_event_log_users AS u SET last_string_id = v.last_string_id
        FROM unnest($1::integer[], $2::integer[]) AS v (user_key, last_string_id)
        WHERE u.user_key = v.user_key
        """;

    private readonly VarintWriter bodies = new();

    public async Task CommitAsync(IReadOnlyList<EventAppend> group, CancellationToken cancellationToken)
    {
        try
        {
            await CommitOnceAsync(group, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == UndefinedTable)
        {
            // Retention dropped a month's partition after it was last checked: check the months again, then retry once.
            foreach (var month in MonthsOf(group))
            {
                partitions.Forget(month);
            }

            await CommitOnceAsync(group, cancellationToken);
        }
    }

    private async Task CommitOnceAsync(IReadOnlyList<EventAppend> group, CancellationToken cancellationToken)
    {
        var runs = UserRun.From(group);
        if (runs.Count == 0)
        {
            return;
        }

        var keys = await catalog.GetOrCreateUserKeysAsync([.. runs.Keys], cancellationToken);
        var months = MonthsOf(group);
        await partitions.EnsureAsync(months, cancellationToken);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var lastStringIds = await AdvanceHeadsAsync(connection, runs, keys, cancellationToken);
        var staged = await StageStringsAsync(connection, lastStringIds, cancellationToken);
        var rows = EncodeRows(runs, keys, staged);
        await StoreStringsAsync(connection, staged.Values.Where(s => s.Added.Count > 0).ToList(), cancellationToken);
        await CopyEventsAsync(connection, months.Count == 1 ? EventLogPartitions.TableOf(months[0]) : EventLogTable, rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var strings in staged.Values)
        {
            strings.Dictionary.AddCommitted(strings.Added);
        }
    }

    private static async Task<Dictionary<int, int>> AdvanceHeadsAsync(
        NpgsqlConnection connection, Dictionary<Guid, UserRun> runs, Dictionary<Guid, int> keys, CancellationToken cancellationToken)
    {
        // Rows are locked in user-key order, so two writers sharing users wait for each other instead of deadlocking.
        var ordered = runs.Values.OrderBy(r => keys[r.UserId]).ToList();
        await using var command = new NpgsqlCommand(AdvanceHeads, connection);
        command.Parameters.Add(new() { Value = ordered.Select(r => keys[r.UserId]).ToArray() });
        command.Parameters.Add(new() { Value = ordered.Select(r => r.FirstSequence).ToArray() });
        command.Parameters.Add(new() { Value = ordered.Select(r => r.LastSequence).ToArray() });
        command.Parameters.Add(new() { Value = ordered.Select(r => r.Latest.Event.Timestamp.UtcDateTime).ToArray() });
        command.Parameters.Add(new() { Value = ordered.Select(r => r.Latest.Sequence).ToArray() });
        var lastStringIds = new Dictionary<int, int>(ordered.Count);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                lastStringIds[reader.GetInt32(0)] = reader.GetInt32(1);
            }
        }

        if (ordered.FirstOrDefault(r => !lastStringIds.ContainsKey(keys[r.UserId])) is { } refused)
        {
            throw new EventLogUnavailableException(
                $"Sequence {refused.FirstSequence} of user {refused.UserId} does not continue the log: it is stored already, or it leaves a gap.");
        }

        return lastStringIds;
    }

    private async Task<Dictionary<int, StagedStrings>> StageStringsAsync(
        NpgsqlConnection connection, Dictionary<int, int> lastStringIds, CancellationToken cancellationToken)
    {
        var dictionaries = lastStringIds.Keys.Select(catalog.Dictionary).ToList();
        foreach (var dictionary in dictionaries.Where(d => d.Count > lastStringIds[d.UserKey]))
        {
            dictionary.Clear();
        }

        await EventLogCatalog.LoadNewStringsAsync([.. dictionaries.Where(d => d.Count < lastStringIds[d.UserKey])], connection, cancellationToken);
        return dictionaries.ToDictionary(d => d.UserKey, d => new StagedStrings(d, lastStringIds[d.UserKey]));
    }

    private static async Task StoreStringsAsync(NpgsqlConnection connection, List<StagedStrings> added, CancellationToken cancellationToken)
    {
        if (added.Count == 0)
        {
            return;
        }

        await using (var importer = await connection.BeginBinaryImportAsync(CopyStrings, cancellationToken))
        {
            foreach (var strings in added)
            {
                foreach (var (id, value) in strings.Added)
                {
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteAsync(strings.Dictionary.UserKey, NpgsqlDbType.Integer, cancellationToken);
                    await importer.WriteAsync(id, NpgsqlDbType.Integer, cancellationToken);
                    await importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand(AdvanceStringIds, connection);
        command.Parameters.Add(new() { Value = added.Select(s => s.Dictionary.UserKey).ToArray() });
        command.Parameters.Add(new() { Value = added.Select(s => s.LastId).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<DateOnly> MonthsOf(IReadOnlyList<EventAppend> group)
    {
        var months = new List<DateOnly>(1);
        foreach (var append in group)
        {
            foreach (var stored in append.Events)
            {
                var month = EventLogPartitions.MonthOf(stored.Event.Timestamp);
                if (!months.Contains(month))
                {
                    months.Add(month);
                }
            }
        }

        return months;
    }

    /// <summary>Every event's body, one after the other in <see cref="bodies"/> (one buffer per lane, not one array per event).</summary>
    private List<Row> EncodeRows(Dictionary<Guid, UserRun> runs, Dictionary<Guid, int> keys, Dictionary<int, StagedStrings> staged)
    {
        bodies.Clear();
        var rows = new List<Row>(runs.Values.Sum(r => r.Events.Count));
        foreach (var run in runs.Values)
        {
            var userKey = keys[run.UserId];
            var strings = staged[userKey];
            foreach (var stored in run.Events)
            {
                var start = bodies.Length;
                EventBody.Write(stored.Event, strings, bodies);
                rows.Add(new Row(userKey, stored, start, bodies.Length - start));
            }
        }

        return rows;
    }

    private async Task CopyEventsAsync(NpgsqlConnection connection, string table, List<Row> rows, CancellationToken cancellationToken)
    {
        var written = bodies.Written;
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table} (occurred_at, user_key, seq, body) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var (userKey, stored, start, length) in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(stored.Event.Timestamp.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(userKey, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync((int)stored.Sequence, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(written.Slice(start, length), NpgsqlDbType.Bytea, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>One event to copy: its body is <c>Length</c> bytes at <c>Start</c> in <see cref="bodies"/>.</summary>
    private readonly record struct Row(int UserKey, SequencedEvent Stored, int Start, int Length);
}
