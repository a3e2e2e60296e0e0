using Floyo.Insights.Learning;
using Floyo.SampleData;

namespace Floyo.Grains.Tests.Insights;

/// <summary>
/// The small evaluation case of the learned ranking: 120 generated users × 14 days × ~300 events a day through the real
/// detectors and insight rules, simulated feedback (3 showings per recommendation), 90 users train, 30 are held out.
/// The large case is tools/Floyo.RankingBench (docs/BENCHMARKS.md).
/// </summary>
public sealed class RankingEvaluationTests
{
    [Fact]
    public void LearnedModel_OnHeldOutGeneratedUsers_OrdersRecommendationsBetterThanTheRulePrior()
    {
        var options = new RankingEvaluationOptions(
            new SampleDataOptions { Users = 120, Days = 14, EventsPerDay = 300, Seed = 1 }, TrainingUsers: 90, Impressions: 3, new RankingOptions());

        var result = RankingEvaluator.Evaluate(options);

        Assert.True(result.ShipDecision.BeatsPrior, result.ToString());
        Assert.True(result.ModelAuc > result.PriorAuc, result.ToString());
        Assert.True(result.ModelNdcg3 > result.PriorNdcg3, result.ToString());
        Assert.Equal(30, result.NdcgUsers);
    }
}
