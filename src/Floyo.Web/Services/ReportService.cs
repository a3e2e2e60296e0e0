using Floyo.Reports;
using Floyo.Users;

namespace Floyo.Web.Services;

/// <summary>Facade over time reports and user settings for the web layer.</summary>
public sealed class ReportService(IGrainFactory grains)
{
    public Task<TimeReport> GetReportAsync(Guid userId, ReportQuery query) =>
        grains.GetGrain<ITimeReportGrain>(userId).GetReportAsync(query);

    public Task<IReadOnlyList<DurationSpan>> GetDurationsAsync(Guid userId, DateOnly day, string? timeZone, ReportDimension sliceBy) =>
        grains.GetGrain<ITimeReportGrain>(userId).GetDurationsAsync(day, timeZone, sliceBy);

    public Task<ActivityStats> GetStatsAsync(Guid userId, StatsQuery query) =>
        grains.GetGrain<ITimeReportGrain>(userId).GetStatsAsync(query);

    public Task<LastActivity?> GetLastActivityAsync(Guid userId) => grains.GetGrain<ITimeReportGrain>(userId).GetLastActivityAsync();

    public Task<UserSettings> GetSettingsAsync(Guid userId) => grains.GetGrain<IUserGrain>(userId).GetSettingsAsync();

    /// <summary>Today's date in the user's time zone (or <paramref name="timeZone"/>).</summary>
    public async Task<DateOnly> TodayAsync(Guid userId, string? timeZone, TimeProvider clock)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone ?? (await GetSettingsAsync(userId)).TimeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }
}
