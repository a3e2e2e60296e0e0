using Npgsql;

namespace Floyo.StorageBench;

/// <summary>EXPLAIN (ANALYZE, BUFFERS) of the compact layout's queries, to see which index and partitions each one uses.</summary>
internal static class Plans
{
    public static async Task<string> ExplainAsync(NpgsqlDataSource dataSource, string sql, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) " + sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new() { Value = value });
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add("    " + reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    public static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new() { Value = value });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}
