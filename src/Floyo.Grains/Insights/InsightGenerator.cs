using Floyo.Patterns;

namespace Floyo.Insights;

/// <summary>
/// Turns a pattern report into insights: observations and catalogue recommendations, each with a deterministic id,
/// its numbers and a rule score. A pure function of the report, hence of the log.
/// </summary>
public static class InsightGenerator
{
    public static GeneratedInsights Generate(PatternReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.AsOf is not { } asOf)
        {
            return new GeneratedInsights(report.Checkpoint, [], new Dictionary<string, double>());
        }

        var features = UserFeatures.Of(report);
        var recommendations = RecommendationRules.Evaluate(report, features).Select(match =>
        {
            var entry = RecommendationCatalog.Get(match.CatalogId);
            return new Insight(
                $"{match.CatalogId}:{match.Subject}",
                match.CatalogId,
                match.Severity,
                entry.Name,
                match.WhyItFits,
                match.Why,
                new RecommendationDetails(entry.Id, entry.Name, entry.What, match.WhyItFits, entry.HowToAdopt),
                RulePrior(entry, match.Strength),
                InsightStatus.Open,
                null,
                asOf);
        });
        return new GeneratedInsights(
            report.Checkpoint,
            [.. recommendations.Concat(ObservationRules.Evaluate(report, asOf)).OrderByDescending(i => i.Score).ThenBy(i => i.Id, StringComparer.Ordinal)],
            features);
    }

    /// <summary>The score rules alone give: the entry's prior acceptance rate, scaled by the strength of the evidence.</summary>
    public static double RulePrior(CatalogEntry entry, double strength)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Prior * (0.5 + 0.5 * Math.Clamp(strength, 0, 1));
    }
}
