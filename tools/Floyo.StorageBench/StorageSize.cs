using Npgsql;

namespace Floyo.StorageBench;

/// <summary>Bytes on disk (pg_table_size: heap with TOAST, free-space and visibility maps; pg_indexes_size) after VACUUM ANALYZE.</summary>
internal sealed record StorageSize(long Events, long Heap, long Indexes, long Dictionary, long Users)
{
    public long Total => Heap + Indexes + Dictionary + Users;

    public static async Task<StorageSize> OfLegacyAsync(NpgsqlDataSource dataSource)
    {
        await VacuumAsync(dataSource);
        return await ReadAsync(dataSource, """
            SELECT (SELECT count(*) FROM floyo_event_log), pg_table_size('floyo_event_log'), pg_indexes_size('floyo_event_log'), 0, 0
            """);
    }

    public static async Task<StorageSize> OfCompactAsync(NpgsqlDataSource dataSource)
    {
        await VacuumAsync(dataSource);
        return await ReadAsync(dataSource, """
            SELECT (SELECT count(*) FROM floyo_event_log),
                   (SELECT sum(pg_table_size(relid)) FROM pg_partition_tree('floyo_event_log') WHERE isleaf)::bigint,
                   (SELECT sum(pg_indexes_size(relid)) FROM pg_partition_tree('floyo_event_log') WHERE isleaf)::bigint,
                   pg_total_relation_size('floyo_event_log_strings'),
                   pg_total_relation_size('floyo_event_log_users')
            """);
    }

    public string PerEvent(long bytes) => $"{(double)bytes / Events:0.0}";

    private static async Task VacuumAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("VACUUM ANALYZE");
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<StorageSize> ReadAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new StorageSize(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }
}
