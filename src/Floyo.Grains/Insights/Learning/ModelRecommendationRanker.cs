using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Floyo.Insights.Learning;

/// <summary>
/// Ranks with the shipped model: each recommendation's score becomes the model's P(accept) for its type and the user's
/// features. The model is cached per silo and reloaded when the model grain's shipped version changes (checked at most
/// every <see cref="RankingOptions.RefreshPeriod"/>). Without a shipped model, or when the model grain cannot be
/// reached, the rule prior ranks.
/// </summary>
public sealed class ModelRecommendationRanker(
    IGrainFactory grains,
    IOptions<RankingOptions> options,
    TimeProvider clock,
    ILogger<ModelRecommendationRanker> logger) : IRecommendationRanker
{
    private Cached current = new(0, null, DateTimeOffset.MinValue);

    public async Task<Ranking> RankAsync(GeneratedInsights insights)
    {
        ArgumentNullException.ThrowIfNull(insights);
        var cached = await CurrentAsync();
        if (cached.Model is not { } model)
        {
            return new Ranking(new Dictionary<string, double>(), RulePriorRanker.Name);
        }

        var scores = insights.Insights
            .Where(i => i.Recommendation is { } r && RankingFeatures.Knows(r.CatalogId))
            .ToDictionary(i => i.Id, i => model.Score(i.Recommendation!.CatalogId, insights.Features), StringComparer.Ordinal);
        return new Ranking(scores, $"model:{cached.Version}");
    }

    private async Task<Cached> CurrentAsync()
    {
        var cached = current;
        var now = clock.GetUtcNow();
        if (now - cached.CheckedAt < options.Value.RefreshPeriod)
        {
            return cached;
        }

        try
        {
            var grain = grains.GetGrain<IRecommendationModelGrain>(IRecommendationModelGrain.Key);
            var version = await grain.GetShippedVersionAsync();
            if (version != cached.Version)
            {
                var shipped = await grain.GetShippedModelAsync();
                cached = shipped is null ? new Cached(0, null, now) : new Cached(shipped.Version, RankingModel.Load(shipped.Bytes), now);
            }
            else
            {
                cached = cached with { CheckedAt = now };
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Ranking must not fail insights: keep what is cached (the rule prior if nothing) and try again later.
            logger.LogWarning(e, "Could not refresh the ranking model; keeping version {Version}", cached.Version);
            cached = cached with { CheckedAt = now };
        }

        current = cached;
        return cached;
    }

    private sealed record Cached(int Version, RankingModel? Model, DateTimeOffset CheckedAt);
}
