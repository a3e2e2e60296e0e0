using System.Text.Json;
using Floyo.Reports;
using Floyo.Time;
using Floyo.Time.Rollups;
using Npgsql;
using NpgsqlTypes;

namespace Floyo.Silo.Rollups;

/// <summary>Daily rollups in <c>floyo_day_rollups</c> (migration 0025): one row per user, accounting rules and day.</summary>
public sealed class PostgresDayRollupStore(NpgsqlDataSource dataSource) : IDayRollupStore
{
    public async Task<IReadOnlyList<StoredDayRollup>> ReadAsync(Guid userId, RollupKey key, DateOnly first, DateOnly last, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT day, through_seq, total_ticks, hour_ticks, breakdown::text FROM floyo_day_rollups
            WHERE user_id = $1 AND time_zone = $2 AND timeout_s = $3 AND day BETWEEN $4 AND $5
            """);
        command.Parameters.Add(new() { Value = userId });
        command.Parameters.Add(new() { Value = key.TimeZone });
        command.Parameters.Add(new() { Value = key.TimeoutSeconds });
        command.Parameters.Add(new() { Value = first });
        command.Parameters.Add(new() { Value = last });
        var rollups = new List<StoredDayRollup>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var breakdown = JsonSerializer.Deserialize(reader.GetString(4), RollupJson.Default.DictionaryInt32DictionaryStringInt64) ?? [];
            var tally = DayTally.Restore(
                reader.GetFieldValue<DateOnly>(0),
                reader.GetInt64(2),
                reader.GetFieldValue<long[]>(3),
                breakdown.ToDictionary(pair => (ReportDimension)pair.Key, pair => pair.Value));
            rollups.Add(new StoredDayRollup(tally, reader.GetInt64(1)));
        }

        return rollups;
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
            var tally = rollup.Tally;
            var breakdown = tally.Breakdown.Where(pair => pair.Value.Count > 0).ToDictionary(pair => (int)pair.Key, pair => pair.Value);
            var upsert = new NpgsqlBatchCommand(
                """
                INSERT INTO floyo_day_rollups (user_id, time_zone, timeout_s, day, through_seq, total_ticks, hour_ticks, breakdown)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
                ON CONFLICT (user_id, time_zone, timeout_s, day) DO UPDATE SET
                    through_seq = excluded.through_seq, total_ticks = excluded.total_ticks,
                    hour_ticks = excluded.hour_ticks, breakdown = excluded.breakdown
                """);
            upsert.Parameters.Add(new() { Value = userId });
            upsert.Parameters.Add(new() { Value = key.TimeZone });
            upsert.Parameters.Add(new() { Value = key.TimeoutSeconds });
            upsert.Parameters.Add(new() { Value = tally.Day });
            upsert.Parameters.Add(new() { Value = rollup.ThroughSequence });
            upsert.Parameters.Add(new() { Value = tally.TotalTicks });
            upsert.Parameters.Add(new() { Value = tally.HourTicks, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
            upsert.Parameters.Add(new() { Value = JsonSerializer.Serialize(breakdown, RollupJson.Default.DictionaryInt32DictionaryStringInt64), NpgsqlDbType = NpgsqlDbType.Text });
            batch.BatchCommands.Add(upsert);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task DeleteUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM floyo_day_rollups WHERE user_id = $1", [userId], cancellationToken);

    public Task DeleteBeforeAsync(Guid userId, DateOnly firstKept, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM floyo_day_rollups WHERE user_id = $1 AND day < $2", [userId, firstKept], cancellationToken);

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
