using System.Diagnostics;
using Floyo.Silo.EventLog;
using Floyo.Silo.Migrations;
using Floyo.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Floyo.StorageBench;

/// <summary>
/// Old layout (migrations ≤ 0007) and new layout (0008+) loaded with the same events on one durable server in one run;
/// then the old database migrated in place by 0008/0009, and the new one with extra time indexes for comparison.
/// </summary>
internal sealed class Bench(BenchOptions options, TextWriter output)
{
    public async Task RunAsync()
    {
        var end = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        await using var server = await PostgresServer.StartAsync(durable: true);
        await using var oldDb = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("bench_old"));
        await using var newDb = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("bench_new"));
        await WriteMachineAsync(newDb);

        var clock = Stopwatch.StartNew();
        var workload = Workload.Create(options, end);
        output.WriteLine($"workload: {options.Events:N0} events, {options.Users} users, {options.Days} days, seed {options.Seed}, generated in {clock.Elapsed.TotalSeconds:0.0} s");

        await new SchemaMigrator(oldDb, NullLogger<SchemaMigrator>.Instance).MigrateAsync(LegacyEventLog.LastVersion);
        TimeSpan oldLoad;
        await using (var legacy = new LegacyGroupWriter(oldDb))
        {
            oldLoad = await Loader.LoadAsync(workload, legacy.AppendAsync);
        }

        await new SchemaMigrator(newDb, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        await using var writer = new GroupCommitWriter(newDb, NullLogger<GroupCommitWriter>.Instance);
        var log = new PostgresEventLog(newDb, writer);
        var newLoad = await Loader.LoadAsync(workload, (userId, events) => log.AppendAsync(userId, events));

        var oldSize = await StorageSize.OfLegacyAsync(oldDb);
        var newSize = await StorageSize.OfCompactAsync(newDb);
        output.WriteLine();
        output.WriteLine("| layout | events | load s | events/s | total B/event | heap | indexes | dictionary | users |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        WriteSize("old (0005-0007)", oldSize, oldLoad);
        WriteSize("new (0008+)", newSize, newLoad);

        output.WriteLine();
        output.WriteLine(await RowShapesAsync(newDb));

        var user = workload.Users.OrderBy(u => u.Events.Count).ElementAt(workload.Users.Count / 2);
        var suite = new ReadSuite(user.UserId, end, user.Events.Count / 2, options.ReadRepeats);
        var reads = new List<(string Layout, List<(string Name, double MedianMs, int Events)> Results)>
        {
            ("old (0005-0007)", await suite.RunAsync("old", new LegacyLog(oldDb))),
            ("new (0008+)", await suite.RunAsync("new", log)),
        };
        var userKey = await Plans.ScalarAsync<int>(newDb, "SELECT user_key FROM floyo_event_log_users WHERE user_id = $1", user.UserId);
        var plans = await ExplainNewAsync(newDb, userKey, end, user.Events.Count / 2);

        foreach (var (name, change, undo) in new[]
        {
            ("new without BRIN (occurred_at)", "DROP INDEX floyo_event_log_time", "CREATE INDEX floyo_event_log_time ON floyo_event_log USING brin (occurred_at)"),
            ("new + B-tree (user_key, occurred_at, seq)", "CREATE INDEX bench_time ON floyo_event_log (user_key, occurred_at, seq)", "DROP INDEX bench_time"),
        })
        {
            var before = await Plans.ScalarAsync<long>(newDb, IndexBytesSql);
            await Plans.ExecuteAsync(newDb, change);
            await Plans.ExecuteAsync(newDb, "ANALYZE floyo_event_log");
            var delta = await Plans.ScalarAsync<long>(newDb, IndexBytesSql) - before;
            reads.Add(($"{name}: {(delta >= 0 ? "+" : "")}{(double)delta / newSize.Events:0.0} B/event", await suite.RunAsync(name, log)));
            plans += $"\n\n  {name}, range 1 day:\n" + await Plans.ExplainAsync(newDb, RangeSql, userKey, end.AddDays(-1), end);
            await Plans.ExecuteAsync(newDb, undo);
        }

        clock.Restart();
        await new SchemaMigrator(oldDb, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        var migration = clock.Elapsed;
        var migratedSize = await StorageSize.OfCompactAsync(oldDb);
        await using (var migratedWriter = new GroupCommitWriter(oldDb, NullLogger<GroupCommitWriter>.Instance))
        {
            reads.Add(("old migrated by 0008/0009", await suite.RunAsync("migrated", new PostgresEventLog(oldDb, migratedWriter))));
        }

        output.WriteLine();
        output.WriteLine($"old database migrated in place by 0008 + 0009 in {migration.TotalSeconds:0.0} s:");
        output.WriteLine();
        output.WriteLine("| layout | events | load s | events/s | total B/event | heap | indexes | dictionary | users |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        WriteSize("migrated", migratedSize, null);

        output.WriteLine();
        output.WriteLine($"reads of one user ({user.Events.Count:N0} events), median of {options.ReadRepeats} after 2 warm-ups, ms (events returned):");
        output.WriteLine();
        output.WriteLine("| layout | " + string.Join(" | ", ReadSuite.Names) + " |");
        output.WriteLine("| --- |" + string.Concat(ReadSuite.Names.Select(_ => " ---: |")));
        foreach (var (layout, results) in reads)
        {
            output.WriteLine($"| {layout} | " + string.Join(" | ", results.Select(r => $"{r.MedianMs:0.0} ({r.Events})")) + " |");
        }

        output.WriteLine();
        output.WriteLine("plans (new layout, user_key " + userKey + "):");
        output.WriteLine(plans);
    }

    /// <summary>Where the bytes go: rows by kind and size on the page (tuples are placed at 8-byte boundaries), and the dictionary by kind of string.</summary>
    private static async Task<string> RowShapesAsync(NpgsqlDataSource dataSource)
    {
        var lines = new List<string> { "| events | share | body bytes (avg) | bytes per row on the page (header 24 + columns 16 + body, aligned to 8; + 4 line pointer) |", "| --- | ---: | ---: | --- |" };
        await using (var command = dataSource.CreateCommand(
            """
            WITH rows AS (
                SELECT CASE WHEN get_byte(body, 0) & 15 = 6 THEN 'heartbeats' WHEN get_byte(body, 0) & 15 BETWEEN 7 AND 9 THEN 'builds, tests, debug' ELSE 'file events' END AS what,
                       pg_column_size(body) AS body, (24 + 16 + pg_column_size(body) + 7) / 8 * 8 + 4 AS on_page
                FROM floyo_event_log)
            SELECT what, count(*), round(100.0 * count(*) / sum(count(*)) OVER (), 1), round(avg(body), 1),
                   (SELECT string_agg(on_page || ' B: ' || n, ', ' ORDER BY on_page) FROM (SELECT on_page, count(*) AS n FROM rows AS r WHERE r.what = rows.what GROUP BY on_page) AS s)
            FROM rows GROUP BY what ORDER BY what
            """))
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add($"| {reader.GetString(0)} | {reader.GetDecimal(2)}% | {reader.GetDecimal(3)} | {reader.GetString(4)} |");
            }
        }

        await using (var command = dataSource.CreateCommand(
            """
            SELECT CASE WHEN value LIKE '[%' THEN 'contexts' WHEN value ~ '[/.]' THEN 'paths' ELSE 'other (languages, ...)' END,
                   count(*), round(count(*)::numeric / count(DISTINCT user_key), 0), round(avg(octet_length(value)), 1)
            FROM floyo_event_log_strings GROUP BY 1 ORDER BY 1
            """))
        {
            lines.Add("");
            lines.Add("| dictionary strings | count | per user | avg bytes |");
            lines.Add("| --- | ---: | ---: | ---: |");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add($"| {reader.GetString(0)} | {reader.GetInt64(1):N0} | {reader.GetDecimal(2)} | {reader.GetDecimal(3)} |");
            }
        }

        return string.Join('\n', lines);
    }

    private const string IndexBytesSql = "SELECT sum(pg_indexes_size(relid))::bigint FROM pg_partition_tree('floyo_event_log') WHERE isleaf";

    private const string RangeSql = "SELECT seq, occurred_at, body FROM floyo_event_log WHERE user_key = $1 AND occurred_at >= $2 AND occurred_at < $3 ORDER BY occurred_at, seq";

    private static async Task<string> ExplainNewAsync(NpgsqlDataSource dataSource, int userKey, DateTimeOffset end, long middle) =>
        "  range 1 day:\n" + await Plans.ExplainAsync(dataSource, RangeSql, userKey, end.AddDays(-1), end)
        + "\n\n  range 30 days:\n" + await Plans.ExplainAsync(dataSource, RangeSql, userKey, end.AddDays(-30), end)
        + "\n\n  range 365 days:\n" + await Plans.ExplainAsync(dataSource, RangeSql, userKey, end.AddDays(-365), end)
        + "\n\n  by seq, 1000:\n" + await Plans.ExplainAsync(dataSource, "SELECT seq, occurred_at, body FROM floyo_event_log WHERE user_key = $1 AND seq > $2 ORDER BY seq LIMIT 1000", userKey, middle);

    private void WriteSize(string layout, StorageSize size, TimeSpan? load) =>
        output.WriteLine(
            $"| {layout} | {size.Events:N0} | {(load is { } l ? $"{l.TotalSeconds:0.0}" : "-")} | {(load is { } t ? $"{size.Events / t.TotalSeconds:N0}" : "-")} | "
            + $"**{size.PerEvent(size.Total)}** | {size.PerEvent(size.Heap)} | {size.PerEvent(size.Indexes)} | {size.PerEvent(size.Dictionary)} | {size.PerEvent(size.Users)} |");

    private async Task WriteMachineAsync(NpgsqlDataSource dataSource)
    {
        var memory = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal)) ?? "MemTotal: ?";
        var version = await Plans.ScalarAsync<string>(dataSource, "SELECT version()");
        var settings = await Plans.ScalarAsync<string>(dataSource, "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers', 'full_page_writes')");
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {memory.Split(':')[1].Trim()}, {version}; {settings}");
    }
}
