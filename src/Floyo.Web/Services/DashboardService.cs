using Floyo.Reports;

namespace Floyo.Web.Services;

/// <summary>Loads what the dashboard shows: every grain call it needs, made concurrently.</summary>
public sealed class DashboardService(ReportService reports, InsightService insights, ActivityService activity, TimeProvider clock)
{
    /// <summary>The dashboard of <paramref name="userId"/> for <paramref name="filter"/>.</summary>
    public async Task<DashboardView> LoadAsync(Guid userId, DashboardFilter filter)
    {
        var settings = await reports.GetSettingsAsync(userId);
        var today = await reports.TodayAsync(userId, settings.TimeZone, clock);
        var (start, end) = filter.Days(today);
        var filtered = filter.Project is not null || filter.Language is not null;
        var stats = reports.GetStatsAsync(userId, new StatsQuery(start, end, filter.Project, filter.Language));
        var unfiltered = filtered ? reports.GetStatsAsync(userId, new StatsQuery(start, end)) : stats;
        var timeline = reports.GetDurationsAsync(userId, today, settings.TimeZone, ReportDimension.Projects);
        var insightsSnapshot = insights.GetInsightsAsync(userId);
        var patterns = insights.GetPatternsAsync(userId);
        var snapshot = activity.GetSnapshotAsync(userId);
        await Task.WhenAll(stats, unfiltered, timeline, insightsSnapshot, patterns, snapshot);
        var all = (await unfiltered).Breakdown;
        return new DashboardView(
            today,
            await stats,
            Names(all, ReportDimension.Projects),
            Names(all, ReportDimension.Languages),
            await timeline,
            await insightsSnapshot,
            await patterns,
            await snapshot);
    }

    private static List<string> Names(IReadOnlyDictionary<ReportDimension, IReadOnlyList<NamedDuration>> breakdown, ReportDimension dimension) =>
        breakdown.TryGetValue(dimension, out var names) ? [.. names.Select(n => n.Name).Order(StringComparer.OrdinalIgnoreCase)] : [];
}
