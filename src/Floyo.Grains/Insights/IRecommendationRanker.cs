namespace Floyo.Insights;

/// <summary>Orders a user's recommendations: the rule priors, or a learned model once it beats them.</summary>
public interface IRecommendationRanker
{
    /// <summary>Scores (0..1) by insight id for the recommendations; observations keep their own score.</summary>
    Task<Ranking> RankAsync(GeneratedInsights insights);
}

/// <summary>Scores by insight id and the name of what produced them (<c>rules</c> or <c>model:N</c>).</summary>
public sealed record Ranking(IReadOnlyDictionary<string, double> Scores, string Name);

/// <summary>The rule prior ranking: every recommendation keeps the score its rule gave it.</summary>
public sealed class RulePriorRanker : IRecommendationRanker
{
    public const string Name = "rules";

    public Task<Ranking> RankAsync(GeneratedInsights insights) => Task.FromResult(new Ranking(new Dictionary<string, double>(), Name));
}
