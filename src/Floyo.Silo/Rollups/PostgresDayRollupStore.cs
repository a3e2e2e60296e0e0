using System.Text.Json;
using Floyo.Reports;
using Floyo.Time;
using Floyo.Time.Rollups;
using Npgsql;
using NpgsqlTypes;

namespace Floyo.Silo.Rollups;

/// <summary>
/// Daily rollups in <c>floyo_day_rollups</c> (migration 0025): one row per user, accounting rules and day; span rollups in
/// <c>floyo_span_rollups</c> (migration 0030): one row per user, accounting rules and length, the user's least recently
/// written beyond <see cref="IDayRollupStore.SpansKept"/> pruned on every write.
/// </summary>
public sealed class PostgresDayRollupStore(NpgsqlDataSource dataSource) : IDayRollupStore
{
    public async Task<IReadOnlyList<StoredDayRollup>> ReadAsync(Guid userId, RollupKey key, DateOnly first, DateOnly last, RollupDetail detail, CancellationToken cancellationToken = default)
    {
        var breakdown = detail == RollupDetail.Breakdown ? "breakdown::text" : "NULL";
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT day, through_seq, total_ticks, hour_ticks, {breakdown} FROM floyo_day_rollups
            WHERE user_id = $1 AND time_zone = $2 AND timeout_s = $3 AND day BETWEEN $4 AND $5
            """);
        AddKey(command.Parameters, userId, key);
        command.Parameters.Add(new() { Value = first });
        command.Parameters.Add(new() { Value = last });
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

    public async Task WriteAsync(Guid userId, RollupKey key, IReadOnlyList<StoredDayRollup> rollups, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rollups);
        if (rollups.Count == 0)
        {
            return;
        }

        await using var batch = dataSource.CreateBatch();
        foreach (var rollup in rollups)
        {
            var upsert = new NpgsqlBatchCommand(
                """
                INSERT INTO floyo_day_rollups (user_id, time_zone, timeout_s, day, through_seq, total_ticks, hour_ticks, breakdown)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
                ON CONFLICT (user_id, time_zone, timeout_s, day) DO UPDATE SET
                    through_seq = excluded.through_seq, total_ticks = excluded.total_ticks,
                    hour_ticks = excluded.hour_ticks, breakdown = excluded.breakdown
                """);
            AddKey(upsert.Parameters, userId, key);
            upsert.Parameters.Add(new() { Value = rollup.Tally.Day });
            upsert.Parameters.Add(new() { Value = rollup.ThroughSequence });
            AddTally(upsert.Parameters, rollup.Tally);
            batch.BatchCommands.Add(upsert);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
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

    /// <summary>A tally from columns total, hours and breakdown (text or NULL) starting at <paramref name="totalColumn"/>.</summary>
    private static DayTally Tally(NpgsqlDataReader reader, DateOnly day, int totalColumn)
    {
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
