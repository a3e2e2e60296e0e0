using Floyo.Activity;
using Floyo.Reports;
using Floyo.Users;
using Orleans.Concurrency;

namespace Floyo.Time;

/// <summary>
/// Computes reports from the event log on every call (see <see cref="DailyReportBuilder"/> and
/// <see cref="DurationsBuilder"/> for the rules) with the user's settings read at that moment, so a settings change
/// applies to the next call. It keeps nothing between calls, so it is a stateless worker: Orleans activates it on the
/// silo that receives the call (no directory lookup, no extra hop to another silo) and runs several activations at
/// once when calls pile up, so a year-long report does not queue a dashboard's "today" behind it.
/// </summary>
[StatelessWorker]
public sealed class TimeReportGrain(IEventLog eventLog) : Grain, ITimeReportGrain
{
    private Guid UserId => this.GetPrimaryKey();

    public async Task<TimeReport> GetReportAsync(ReportQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ReportRange.Validate(query.Start, query.End);
        var settings = await GrainFactory.GetGrain<IUserGrain>(UserId).GetSettingsAsync();
        var zone = ReportTimeZone.Find(query.TimeZone ?? settings.TimeZone);
        var grid = new DayGrid(query.Start, query.End, zone);
        var builder = new DailyReportBuilder(grid, settings.KeystrokeTimeout, new ReportFilter(query.Project, query.Branch));
        await foreach (var e in eventLog.ReadRangeInWindowsAsync(UserId, builder.ReadFrom, builder.ReadTo))
        {
            builder.Add(e);
        }

        return new TimeReport(
            ReportTimeZone.IanaId(zone),
            TimeZoneInfo.ConvertTime(grid.Start, zone),
            TimeZoneInfo.ConvertTime(grid.End, zone),
            builder.Build());
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
