using Npgsql;

namespace Floyo.Postgres.Tests;

/// <summary>Small query helpers for assertions on the database.</summary>
internal static class Sql
{
    public static async Task<List<T>> QueryAsync<T>(
        NpgsqlDataSource dataSource, string sql, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static Task<List<string>> StringsAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken, params object[] parameters) =>
        QueryAsync(dataSource, sql, r => r.GetString(0), cancellationToken, parameters);
}
