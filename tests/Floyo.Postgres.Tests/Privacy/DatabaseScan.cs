using System.Buffers.Binary;
using Npgsql;
using NpgsqlTypes;

namespace Floyo.Postgres.Tests.Privacy;

/// <summary>
/// Searches every column of every table in the database for traces of a user, without knowing the schema: text,
/// varchar, json and uuid columns for the strings (case-insensitive substrings), bytea columns for their UTF-8 bytes
/// and the id's raw bytes, bigint columns for the two halves Orleans' ADO.NET storage keys a Guid grain id by
/// (grain_id_n0/n1). Tables added later are covered without changing the scan.
/// </summary>
internal static class DatabaseScan
{
    /// <summary>Every "table.column" holding a trace, with the number of matching rows.</summary>
    public static async Task<List<string>> FindAsync(NpgsqlDataSource dataSource, Guid userId, IReadOnlyList<string> otherTerms, CancellationToken cancellationToken)
    {
        var idBytes = userId.ToByteArray();
        string[] texts = [userId.ToString("D"), userId.ToString("N"), .. otherTerms];
        byte[][] bytes =
        [
            idBytes,
            userId.ToByteArray(bigEndian: true),
            .. texts.SelectMany(t => new[] { System.Text.Encoding.UTF8.GetBytes(t), System.Text.Encoding.UTF8.GetBytes(t.ToUpperInvariant()) }),
        ];
        long[] halves = [BinaryPrimitives.ReadInt64LittleEndian(idBytes), BinaryPrimitives.ReadInt64LittleEndian(idBytes.AsSpan(8))];

        var hits = new List<string>();
        foreach (var (table, column, type) in await ColumnsAsync(dataSource, cancellationToken))
        {
            var (condition, parameter) = type switch
            {
                "bytea" => ($"EXISTS (SELECT 1 FROM unnest($1::bytea[]) AS t(v) WHERE position(t.v IN {Quote(column)}) > 0)", new NpgsqlParameter { Value = bytes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea }),
                "bigint" => ($"{Quote(column)} = ANY($1)", new NpgsqlParameter { Value = halves }),
                _ => ($"{Quote(column)}::text ILIKE ANY($1)", new NpgsqlParameter { Value = texts.Select(Like).ToArray() }),
            };
            await using var command = dataSource.CreateCommand($"SELECT count(*) FROM {Quote(table)} WHERE {condition}");
            command.Parameters.Add(parameter);
            var count = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            if (count > 0)
            {
                hits.Add($"{table}.{column}");
            }
        }

        return hits;
    }

    /// <summary>The tables (partitions included) that hold rows; views and the migration ledger's own names are data too.</summary>
    private static async Task<List<(string Table, string Column, string Type)>> ColumnsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        await Sql.QueryAsync(
            dataSource,
            """
            SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns AS c
            JOIN information_schema.tables AS t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
              AND c.data_type IN ('text', 'character varying', 'character', 'uuid', 'json', 'jsonb', 'bytea', 'bigint')
            ORDER BY c.table_name, c.column_name
            """,
            r => (r.GetString(0), r.GetString(1), r.GetString(2)),
            cancellationToken);

    private static string Like(string term) => "%" + term.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
