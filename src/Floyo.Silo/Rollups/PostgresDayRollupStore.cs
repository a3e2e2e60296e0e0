using System.Text.Json;
using Floyo.Reports;
using Floyo.Time;
using Floyo.Time.Rollups;
using Npgsql;
using NpgsqlTypes;

namespace Floyo.Silo.Rollups;

/// <summary>
/// Daily rollups in <c>floyo_day_rollups</c> (migrations 0025, 0030): one row per user, accounting rules, scope and day
/// (the scope's rows of a day replaced together with the day's all-events row); span rollups in
/// <c>floyo_span_rollups</c> (migration 0030): one row per user, accounting rules and length, the user's least recently
/// written beyond <see cref="IDayRollupStore.SpansKept"/> pruned on every write.
/// </summary>
public sealed class PostgresDayRollupStore(NpgsqlDataSource dataSource) : IDayRollupStore
{
    public async Task<IReadOnlyList<StoredDayRollup>> ReadAsync(Guid userId, RollupKey key, DateOnly first, DateOnly last, RollupDetail detail, CancellationToken cancellationToken = default)
    {
        var breakdown = detail == RollupDetail.Breakdown ? "breakdown::text" : "NULL";
        return await ReadDaysAsync(
            $"""
            SELECT day, through_seq, total_ticks, hour_ticks, {breakdown} FROM floyo_day_rollups
            WHERE user_id = $1 AND time_zone = $2 AND timeout_s = $3 AND scope = '' AND day BETWEEN $4 AND $5
            """,
            userId,
            key,
            [first, last],
            cancellationToken);
    }

    /// <summary>The all-events row gives the day and its sequence; the scope's row, when there is one, the tally.</summary>
    public Task<IReadOnlyList<StoredDayRollup>> ReadScopeAsync(Guid userId, RollupKey key, DateOnly first, DateOnly last, RollupScope scope, CancellationToken cancellationToken = default) =>
        ReadDaysAsync(
            """
            SELECT a.day, a.through_seq, s.total_ticks, s.hour_ticks, s.breakdown::text
            FROM floyo_day_rollups AS a
            LEFT JOIN floyo_day_rollups AS s ON s.user_id = a.user_id AND s.time_zone = a.time_zone AND s.timeout_s = a.timeout_s
                AND s.scope = $6 AND s.day = a.day
            WHERE a.user_id = $1 AND a.time_zone = $2 AND a.timeout_s = $3 AND a.scope = '' AND a.day BETWEEN $4 AND $5
            """,
            userId,
            key,
            [first, last, scope.Key],
            cancellationToken);

    private async Task<IReadOnlyList<StoredDayRollup>> ReadDaysAsync(string sql, Guid userId, RollupKey key, object[] values, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        AddKey(command.Parameters, userId, key);
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = value });
        }

        var rollups = new List<StoredDayRollup>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var tally = Tally(reader, day: reader.GetFieldValue<DateOnly>(0), totalColumn: 2);
            rollups.Add(new StoredDayRollup(tally, reader.GetInt64(1)));
        }

        return rollups;
    }

    public async Task<StoredSpanRollup?> ReadSpanAsync(Guid userId, RollupKey key, int days, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT first_day, through_seq, total_ticks, hour_ticks, breakdown::text FROM floyo_span_rollups
            WHERE user_id = $1 AND time_zone = $2 AND timeout_s = $3 AND days = $4
            """);
        AddKey(command.Parameters, userId, key);
        command.Parameters.Add(new() { Value = days });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var first = reader.GetFieldValue<DateOnly>(0);
        return new StoredSpanRollup(first, first.AddDays(days - 1), Tally(reader, first, totalColumn: 2), reader.GetInt64(1));
    }

    public async Task WriteSpanAsync(Guid userId, RollupKey key, StoredSpanRollup span, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(span);
        await using var batch = dataSource.CreateBatch();
        var upsert = new NpgsqlBatchCommand(
            """
            INSERT INTO floyo_span_rollups (user_id, time_zone, timeout_s, days, first_day, through_seq, total_ticks, hour_ticks, breakdown, used_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, clock_timestamp())
            ON CONFLICT (user_id, time_zone, timeout_s, days) DO UPDATE SET
                first_day = excluded.first_day, through_seq = excluded.through_seq, total_ticks = excluded.total_ticks,
                hour_ticks = excluded.hour_ticks, breakdown = excluded.breakdown, used_at = excluded.used_at
            """);
        AddKey(upsert.Parameters, userId, key);
        upsert.Parameters.Add(new() { Value = span.Days });
        upsert.Parameters.Add(new() { Value = span.First });
        upsert.Parameters.Add(new() { Value = span.ThroughSequence });
        AddTally(upsert.Parameters, span.Tally);
        var prune = new NpgsqlBatchCommand(
            """
            DELETE FROM floyo_span_rollups WHERE user_id = $1 AND (time_zone, timeout_s, days) NOT IN (
                SELECT time_zone, timeout_s, days FROM floyo_span_rollups WHERE user_id = $1 ORDER BY used_at DESC LIMIT $2)
            """);
        prune.Parameters.Add(new() { Value = userId });
        prune.Parameters.Add(new() { Value = IDayRollupStore.SpansKept });
        batch.BatchCommands.Add(upsert);
        batch.BatchCommands.Add(prune);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One batch (one implicit transaction): the days' scoped rows go, then every row of the rollups is written.</summary>
    public async Task WriteAsync(Guid userId, RollupKey key, IReadOnlyList<StoredDayRollup> rollups, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rollups);
        if (rollups.Count == 0)
        {
            return;
        }

        await using var batch = dataSource.CreateBatch();
        var clear = new NpgsqlBatchCommand(
            "DELETE FROM floyo_day_rollups WHERE user_id = $1 AND time_zone = $2 AND timeout_s = $3 AND day = ANY($4) AND scope <> ''");
        AddKey(clear.Parameters, userId, key);
        clear.Parameters.Add(new() { Value = rollups.Select(r => r.Tally.Day).ToArray() });
        batch.BatchCommands.Add(clear);
        foreach (var rollup in rollups)
        {
            batch.BatchCommands.Add(Upsert(userId, key, RollupScope.All, rollup.Tally, rollup.ThroughSequence));
            foreach (var (scope, tally) in rollup.Scopes ?? new Dictionary<RollupScope, DayTally>())
            {
                batch.BatchCommands.Add(Upsert(userId, key, scope, tally, rollup.ThroughSequence));
            }
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Upsert(Guid userId, RollupKey key, RollupScope scope, DayTally tally, long throughSequence)
    {
        var upsert = new NpgsqlBatchCommand(
            """
            INSERT INTO floyo_day_rollups (user_id, time_zone, timeout_s, scope, day, through_seq, total_ticks, hour_ticks, breakdown)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)
            ON CONFLICT (user_id, time_zone, timeout_s, scope, day) DO UPDATE SET
                through_seq = excluded.through_seq, total_ticks = excluded.total_ticks,
                hour_ticks = excluded.hour_ticks, breakdown = excluded.breakdown
            """);
        AddKey(upsert.Parameters, userId, key);
        upsert.Parameters.Add(new() { Value = scope.Key });
        upsert.Parameters.Add(new() { Value = tally.Day });
        upsert.Parameters.Add(new() { Value = throughSequence });
        AddTally(upsert.Parameters, tally);
        return upsert;
    }

    public async Task DeleteUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await ExecuteAsync("DELETE FROM floyo_day_rollups WHERE user_id = $1", [userId], cancellationToken);
        await ExecuteAsync("DELETE FROM floyo_span_rollups WHERE user_id = $1", [userId], cancellationToken);
    }

    public async Task DeleteBeforeAsync(Guid userId, DateOnly firstKept, CancellationToken cancellationToken = default)
    {
        await ExecuteAsync("DELETE FROM floyo_day_rollups WHERE user_id = $1 AND day < $2", [userId, firstKept], cancellationToken);
        await ExecuteAsync("DELETE FROM floyo_span_rollups WHERE user_id = $1 AND first_day < $2", [userId, firstKept], cancellationToken);
    }

    private static void AddKey(NpgsqlParameterCollection parameters, Guid userId, RollupKey key)
    {
        parameters.Add(new() { Value = userId });
        parameters.Add(new() { Value = key.TimeZone });
        parameters.Add(new() { Value = key.TimeoutSeconds });
    }

    /// <summary>Total, hours and breakdown (dimensions without names left out) as the next three parameters.</summary>
    private static void AddTally(NpgsqlParameterCollection parameters, DayTally tally)
    {
        var breakdown = tally.Breakdown.Where(pair => pair.Value.Count > 0).ToDictionary(pair => (int)pair.Key, pair => pair.Value);
        parameters.Add(new() { Value = tally.TotalTicks });
        parameters.Add(new() { Value = tally.HourTicks, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        parameters.Add(new() { Value = JsonSerializer.Serialize(breakdown, RollupJson.Default.DictionaryInt32DictionaryStringInt64), NpgsqlDbType = NpgsqlDbType.Text });
    }

    /// <summary>A tally from columns total, hours and breakdown (text or NULL) starting at <paramref name="totalColumn"/>; all NULL is an empty tally.</summary>
    private static DayTally Tally(NpgsqlDataReader reader, DateOnly day, int totalColumn)
    {
        if (reader.IsDBNull(totalColumn))
        {
            return new DayTally(day);
        }

        var breakdown = reader.IsDBNull(totalColumn + 2)
            ? []
            : JsonSerializer.Deserialize(reader.GetString(totalColumn + 2), RollupJson.Default.DictionaryInt32DictionaryStringInt64) ?? [];
        return DayTally.Restore(
            day,
            reader.GetInt64(totalColumn),
            reader.GetFieldValue<long[]>(totalColumn + 1),
            breakdown.ToDictionary(pair => (ReportDimension)pair.Key, pair => pair.Value));
    }

    private async Task ExecuteAsync(string sql, object[] values, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
