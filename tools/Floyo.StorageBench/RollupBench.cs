using System.Diagnostics;
using Floyo.Activity;
using Floyo.Reports;
using Floyo.Silo.EventLog;
using Floyo.Silo.Migrations;
using Floyo.Silo.Rollups;
using Floyo.Testing;
using Floyo.Time;
using Floyo.Time.Rollups;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Floyo.StorageBench;

/// <summary>
/// <c>--rollups</c>: one user's year (default 1,000,000 events over 365 days) in the compact log on a durable server,
/// then a year of day reports four ways: scanning the log (the path before rollups: the baseline), from rollups the
/// first time (computed and stored), from rollups again (warm), and after a late event landed on a day mid-year.
/// </summary>
internal sealed class RollupBench(BenchOptions options, TextWriter output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    public async Task RunAsync()
    {
        var end = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        var workload = Workload.Create(options with { Users = 1 }, end);
        var user = workload.Users[0];
        await using var server = await PostgresServer.StartAsync(durable: true);
        await using var db = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("bench_rollups"));
        await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        await using var writer = new GroupCommitWriter(db, NullLogger<GroupCommitWriter>.Instance);
        var log = new PostgresEventLog(db, writer);
        var load = await Loader.LoadAsync(workload, (userId, events) => log.AppendAsync(userId, events));
        output.WriteLine($"loaded {user.Events.Count:N0} events over {options.Days} days in {load.TotalSeconds:0.0} s");

        var store = new PostgresDayRollupStore(db);
        var today = DateOnly.FromDateTime(end.UtcDateTime).AddDays(-1);
        var grid = new DayGrid(today.AddDays(1 - StatsBuilder.HistoryDays), today, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        var touches = Touches(user.Events);
        var reader = new RollupReader(store, log);

        var scan = await TimeAsync(async () => Total(await ScanAsync(log, user.UserId, grid)));
        var cold = await TimeAsync(async () => Total(await reader.ReadAsync(user.UserId, grid, Timeout, touches, RollupDetail.Breakdown)));
        var warm = new List<(double Ms, long Total)>();
        for (var i = 0; i < options.ReadRepeats; i++)
        {
            warm.Add(await TimeAsync(async () => Total(await reader.ReadAsync(user.UserId, grid, Timeout, touches, RollupDetail.Breakdown))));
        }

        var stats = await TimeAsync(async () =>
        {
            var tallies = await reader.ReadAsync(user.UserId, grid, Timeout, touches, RollupDetail.Breakdown);
            return (long)StatsBuilder.Build("Europe/Berlin", tallies, tallies, tallies).TotalSeconds;
        });
        var late = new SequencedEvent(user.Events.Count + 1, user.Events[user.Events.Count / 2].Event with { ClientEventId = "late" });
        await log.AppendAsync(user.UserId, [late]);
        var afterLate = Touches([.. user.Events, late]);
        var relate = await TimeAsync(async () => Total(await reader.ReadAsync(user.UserId, grid, Timeout, afterLate, RollupDetail.Breakdown)));

        if (cold.Total != scan.Total || warm.Any(w => w.Total != scan.Total))
        {
            throw new InvalidOperationException($"Rollups disagree with the scan: {scan.Total} vs {cold.Total}.");
        }

        var warmMedian = warm.Select(w => w.Ms).Order().ElementAt(warm.Count / 2);
        output.WriteLine();
        output.WriteLine("| a year of day reports (365 days, Europe/Berlin) | ms | vs scan |");
        output.WriteLine("| --- | ---: | ---: |");
        output.WriteLine($"| scan the log (baseline, no rollups) | {scan.Ms:0.0} | 1.00 |");
        output.WriteLine($"| rollups, first read (computed from the log and stored) | {cold.Ms:0.0} | {cold.Ms / scan.Ms:0.00} |");
        output.WriteLine($"| rollups, warm (median of {warm.Count}) | {warmMedian:0.0} | {warmMedian / scan.Ms:0.000} |");
        output.WriteLine($"| rollups + stats (streaks, heatmap, breakdowns) | {stats.Ms:0.0} | {stats.Ms / scan.Ms:0.000} |");
        output.WriteLine($"| rollups after one late event mid-year | {relate.Ms:0.0} | {relate.Ms / scan.Ms:0.000} |");
    }

    private static async Task<IReadOnlyList<DayTally>> ScanAsync(PostgresEventLog log, Guid userId, DayGrid grid)
    {
        var builder = new DailyReportBuilder(grid, Timeout, ReportFilter.None);
        await foreach (var e in log.ReadRangeInWindowsAsync(userId, builder.ReadFrom, builder.ReadTo))
        {
            builder.Add(e);
        }

        return builder.BuildTallies();
    }

    private static DayTouches Touches(IReadOnlyList<SequencedEvent> events) => new(
        events[^1].Sequence,
        events.GroupBy(e => DateOnly.FromDateTime(e.Event.Timestamp.UtcDateTime)).ToDictionary(g => g.Key, g => g.Max(e => e.Sequence)));

    private static long Total(IReadOnlyList<DayTally> tallies) => tallies.Sum(t => t.TotalTicks);

    private static async Task<(double Ms, long Total)> TimeAsync(Func<Task<long>> run)
    {
        var clock = Stopwatch.StartNew();
        var total = await run();
        return (clock.Elapsed.TotalMilliseconds, total);
    }
}
