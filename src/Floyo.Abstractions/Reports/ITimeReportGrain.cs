using Orleans.Concurrency;

namespace Floyo.Reports;

/// <summary>
/// Time accounting for one user, keyed by user id, computed from the event log like WakaTime does: consecutive events
/// closer than the user's keystroke timeout are joined, and the gap is attributed to the earlier event (its project,
/// language, editor, …); a gap at or above the timeout counts nothing. Days are the user's (or the query's) time zone.
/// </summary>
[Alias("floyo.ITimeReportGrain")]
public interface ITimeReportGrain : IGrainWithGuidKey
{
    /// <summary>Active time per day for the query's range, with breakdowns by every <see cref="ReportDimension"/>.</summary>
    [Alias("report")]
    Task<TimeReport> GetReportAsync(ReportQuery query);

    /// <summary>Time accounting for the dashboard and <c>GET /api/v1/stats</c> (see <see cref="ActivityStats"/>).</summary>
    [Alias("stats")]
    Task<ActivityStats> GetStatsAsync(StatsQuery query);

    /// <summary>The day's continuous stretches of activity, sliced by <paramref name="sliceBy"/>, in start order.</summary>
    [Alias("durations")]
    Task<IReadOnlyList<DurationSpan>> GetDurationsAsync(DateOnly day, string? timeZone, ReportDimension sliceBy);

    /// <summary>
    /// Computes and stores the daily rollups of the last <c>365</c> days (the user's zone and rules) that are missing or
    /// stale, so the next stats call reads them instead of the log. Sent one-way after large amounts of history arrive.
    /// Today and yesterday are left out: they change while the user works, and every stats call reads them anyway.
    /// </summary>
    [Alias("warm"), OneWay]
    Task WarmRollupsAsync();

    /// <summary>The most recent event, or null when the user has none.</summary>
    [Alias("last")]
    Task<LastActivity?> GetLastActivityAsync();
}
