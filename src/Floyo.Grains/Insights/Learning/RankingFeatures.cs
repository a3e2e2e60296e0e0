namespace Floyo.Insights.Learning;

/// <summary>
/// The model's input vector: the recommendation type one-hot (catalogue order), then the user's features
/// (<see cref="UserFeatures.Names"/> order; a missing feature is 0). The tree ensemble learns type × feature
/// interactions from the splits, so no explicit crosses are needed.
/// </summary>
public static class RankingFeatures
{
    public static int Length { get; } = RecommendationCatalog.All.Count + UserFeatures.Names.Count;

    public static float[] Vector(string catalogId, IReadOnlyDictionary<string, double> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var vector = new float[Length];
        for (var i = 0; i < RecommendationCatalog.All.Count; i++)
        {
            vector[i] = RecommendationCatalog.All[i].Id == catalogId ? 1 : 0;
        }

        for (var i = 0; i < UserFeatures.Names.Count; i++)
        {
            vector[RecommendationCatalog.All.Count + i] = (float)features.GetValueOrDefault(UserFeatures.Names[i]);
        }

        return vector;
    }

    /// <summary>Whether <paramref name="catalogId"/> is a type the model knows (feedback on retired entries is skipped).</summary>
    public static bool Knows(string catalogId) => RecommendationCatalog.All.Any(e => e.Id == catalogId);
}
