namespace Floyo.Insights.Learning;

/// <summary>One labelled showing of a recommendation: who, which type, their features then, the rule prior score it
/// had, and whether they accepted it.</summary>
public sealed record RankingExample(
    Guid UserId,
    string CatalogId,
    IReadOnlyDictionary<string, double> Features,
    double Prior,
    bool Accepted)
{
    /// <summary>An example from a feedback log entry; entries recorded without a prior use the catalogue entry's prior.</summary>
    public static RankingExample From(RecommendationFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return new(feedback.UserId, feedback.CatalogId, feedback.Features,
            feedback.Prior ?? RecommendationCatalog.Get(feedback.CatalogId).Prior, feedback.Accepted);
    }
}
