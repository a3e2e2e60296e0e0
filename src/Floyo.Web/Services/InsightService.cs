using Floyo.Insights;
using Floyo.Patterns;

namespace Floyo.Web.Services;

/// <summary>Facade over the insights and pattern grains for the web layer.</summary>
public sealed class InsightService(IGrainFactory grains)
{
    public Task<InsightsSnapshot> GetInsightsAsync(Guid userId) => grains.GetGrain<IInsightsGrain>(userId).GetInsightsAsync();

    /// <summary>Records an action; throws <see cref="KeyNotFoundException"/> for an id the user does not have.</summary>
    public Task<Insight> ActAsync(Guid userId, string insightId, InsightAction action, TimeSpan? snoozeFor = null) =>
        grains.GetGrain<IInsightsGrain>(userId).ActAsync(insightId, action, snoozeFor);

    public Task<PatternReport> GetPatternsAsync(Guid userId) => grains.GetGrain<IPatternDetectorGrain>(userId).GetPatternsAsync();
}
