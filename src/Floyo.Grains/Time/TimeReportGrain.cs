using Floyo.Activity;
using Floyo.Patterns;
using Floyo.Reports;
using Floyo.Time.Rollups;
using Floyo.Users;
using Orleans.Concurrency;

namespace Floyo.Time;

/// <summary>
/// Computes reports with the user's settings read at that moment, so a settings change applies to the next call (see
/// <see cref="DailyReportBuilder"/> and <see cref="DurationsBuilder"/> for the rules): unfiltered day reports from the
/// daily rollups (<see cref="RollupReader"/>), filtered day reports and durations from the event log. It keeps nothing between calls, so it is a stateless worker: Orleans activates it on the
/// silo that receives the call (no directory lookup, no extra hop to another silo) and runs several activations at
/// once when calls pile up, so a year-long report does not queue a dashboard's "today" behind it. Stats read the 365
/// days of history as totals only and the range's breakdown from a span rollup plus its last days
/// (<see cref="SpanRollupReader"/>), so a year costs a few rows of names, not 365; a filter on one project or one
/// language reads that scope's daily rollups (<see cref="RollupScope"/>), and only both filters at once scan the log.
/// </summary>
[StatelessWorker]
public sealed class TimeReportGrain(IEventLog eventLog, IDayRollupStore rollups, TimeProvider clock) : Grain, ITimeReportGrain
{
    private Guid UserId => this.GetPrimaryKey();

    public async Task<TimeReport> GetReportAsync(ReportQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ReportRange.Validate(query.Start, query.End);
        var settings = await GrainFactory.GetGrain<IUserGrain>(UserId).GetSettingsAsync();
        var zone = ReportTimeZone.Find(query.TimeZone ?? settings.TimeZone);
        var grid = new DayGrid(query.Start, query.End, zone);
        var filter = new ReportFilter(query.Project, query.Branch);
        var days = filter == ReportFilter.None
            ? await ReadRollupsAsync(grid, settings.KeystrokeTimeout)
            : await ScanLogAsync(grid, settings.KeystrokeTimeout, filter);

        return new TimeReport(
            ReportTimeZone.IanaId(zone),
            TimeZoneInfo.ConvertTime(grid.Start, zone),
            TimeZoneInfo.ConvertTime(grid.End, zone),
            [.. days.Select(d => d.ToReport())]);
    }

    public async Task<ActivityStats> GetStatsAsync(StatsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ReportRange.Validate(query.Start, query.End);
        var settings = await GrainFactory.GetGrain<IUserGrain>(UserId).GetSettingsAsync();
        var zone = ReportTimeZone.Find(settings.TimeZone);
        var timeout = settings.KeystrokeTimeout;
        var touches = await TouchesAsync();
        var days = new RollupReader(rollups, eventLog);
        var history = await days.ReadAsync(UserId, new DayGrid(query.End.AddDays(1 - StatsBuilder.HistoryDays), query.End, zone), timeout, touches, RollupDetail.Totals);
        var grid = new DayGrid(query.Start, query.End, zone);
        var filter = new ReportFilter(query.Project, Language: query.Language);
        if (filter != ReportFilter.None)
        {
            var filtered = RollupScope.For(query.Project, query.Language) is { } scope
                ? await days.ReadScopeAsync(UserId, grid, timeout, touches, scope)
                : await ScanLogAsync(grid, timeout, filter);
            return StatsBuilder.Build(ReportTimeZone.IanaId(zone), filtered, filtered, history);
        }

        var range = grid.Count <= history.Count
            ? history.Skip(history.Count - grid.Count).ToList()
            : await days.ReadAsync(UserId, grid, timeout, touches, RollupDetail.Totals);
        var breakdown = await new SpanRollupReader(rollups, days).ReadAsync(UserId, grid, timeout, touches);
        return StatsBuilder.Build(ReportTimeZone.IanaId(zone), range, breakdown, history);
    }

    public async Task WarmRollupsAsync()
    {
        var settings = await GrainFactory.GetGrain<IUserGrain>(UserId).GetSettingsAsync();
        var zone = ReportTimeZone.Find(settings.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var settled = today.AddDays(-SpanRollupReader.TailDays);
        var year = new DayGrid(today.AddDays(1 - StatsBuilder.HistoryDays), settled, zone);
        await new RollupReader(rollups, eventLog).ReadAsync(UserId, year, settings.KeystrokeTimeout, await TouchesAsync(), RollupDetail.Totals);
    }

    /// <summary>Unfiltered reports come from the daily rollups (recomputed from the log only where stale).</summary>
    private async Task<IReadOnlyList<DayTally>> ReadRollupsAsync(DayGrid grid, TimeSpan keystrokeTimeout) =>
        await new RollupReader(rollups, eventLog).ReadAsync(UserId, grid, keystrokeTimeout, await TouchesAsync(), RollupDetail.Breakdown);

    private Task<DayTouches> TouchesAsync() => GrainFactory.GetGrain<IPatternDetectorGrain>(UserId).GetDayTouchesAsync();

    /// <summary>Reports filtered by a branch, or by project and language at once, scan the range's log (no rollup scope holds them).</summary>
    private async Task<IReadOnlyList<DayTally>> ScanLogAsync(DayGrid grid, TimeSpan keystrokeTimeout, ReportFilter filter)
    {
        var builder = new DailyReportBuilder(grid, keystrokeTimeout, filter);
        await foreach (var e in eventLog.ReadRangeInWindowsAsync(UserId, builder.ReadFrom, builder.ReadTo))
        {
            builder.Add(e);
        }

        return builder.BuildTallies();
    }

    public async Task<IReadOnlyList<DurationSpan>> GetDurationsAsync(DateOnly day, string? timeZone, ReportDimension sliceBy)
    {
        ReportRange.Validate(day, day);
        var settings = await GrainFactory.GetGrain<IUserGrain>(UserId).GetSettingsAsync();
        var builder = new DurationsBuilder(day, ReportTimeZone.Find(timeZone ?? settings.TimeZone), settings.KeystrokeTimeout, sliceBy);
        await foreach (var e in eventLog.ReadRangeInWindowsAsync(UserId, builder.ReadFrom, builder.ReadTo))
        {
            builder.Add(e);
        }

        return builder.Build();
    }

    public async Task<LastActivity?> GetLastActivityAsync()
    {
        var last = (await eventLog.ReadLastAsync(UserId))?.Event;
        return last is null ? null : new LastActivity(last.Timestamp, last.Project, last.Details?.Plugin, last.Editor);
    }
}
