using Floyo.Insights;
using Floyo.Insights.Learning;
using Floyo.SampleData;
using Microsoft.Extensions.DependencyInjection;

namespace Floyo.Grains.Tests.Insights;

public sealed class RecommendationModelGrainTests(RankingClusterFixture fixture) : IClassFixture<RankingClusterFixture>
{
    [Fact]
    public async Task RetrainAsync_OnceFeedbackPassesTheMinimum_ShipsModelVersionsThatTheInsightsRankingUses()
    {
        var log = fixture.SiloServices.GetRequiredService<IRecommendationFeedbackLog>();
        var (grain, generated) = await InsightsGrainWithSampleInsightsAsync();
        foreach (var entry in FeedbackSamples.Generate(50, seed: 1, DateTimeOffset.UtcNow))
        {
            await log.AppendAsync(entry, TestContext.Current.CancellationToken);
        }

        var scarce = await fixture.Model.RetrainAsync();
        var rankedByRules = await grain.GetInsightsAsync();

        Assert.Equal((TrainingOutcome.Scarce, 200, (int?)null), (scarce.LastRun!.Outcome, scarce.LastRun.Feedback, scarce.LastRun.Version));
        Assert.Equal("rules", scarce.Ranking);
        Assert.Null(scarce.Shipped);
        Assert.Equal("rules", rankedByRules.Ranking);
        Assert.Equal(generated.Insights.Select(i => i.Score).Order(), rankedByRules.Insights.Select(i => i.Score).Order());

        foreach (var entry in FeedbackSamples.Generate(200, seed: 2, DateTimeOffset.UtcNow))
        {
            await log.AppendAsync(entry, TestContext.Current.CancellationToken);
        }

        var trained = await fixture.Model.RetrainAsync();
        var rankedByModel = await grain.GetInsightsAsync();
        var model = RankingModel.Load((await fixture.Model.GetShippedModelAsync())!.Bytes);

        Assert.Equal((TrainingOutcome.Shipped, 1000, (int?)1), (trained.LastRun!.Outcome, trained.LastRun.Feedback, trained.LastRun.Version));
        Assert.Equal("model:1", trained.Ranking);
        Assert.True(trained.Shipped!.ModelAuc >= trained.Shipped.PriorAuc + 0.01, $"{trained.Shipped}");
        Assert.Equal("model:1", rankedByModel.Ranking);
        foreach (var insight in rankedByModel.Insights)
        {
            var expected = insight.Recommendation is { } r ? model.Score(r.CatalogId, generated.Features) : generated.Insights.Single(i => i.Id == insight.Id).Score;
            Assert.Equal(expected, insight.Score);
        }

        // 250 users: the test watcher is accepted by users with test share >= 0.5 (125), focus blocks below 0.3 (75).
        var rates = trained.AcceptanceRates.ToDictionary(r => r.Type);
        Assert.Equal((125, 125, 0.5), (rates[RecommendationCatalog.TestWatcher].Accepted, rates[RecommendationCatalog.TestWatcher].Dismissed, rates[RecommendationCatalog.TestWatcher].Rate));
        Assert.Equal((75, 175), (rates[RecommendationCatalog.FocusBlocks].Accepted, rates[RecommendationCatalog.FocusBlocks].Dismissed));
        Assert.Equal((0, 250, 0.0), (rates[RecommendationCatalog.Formatter].Accepted, rates[RecommendationCatalog.Formatter].Dismissed, rates[RecommendationCatalog.Formatter].Rate));
        Assert.Null(rates[RecommendationCatalog.DebuggerBreakpoints].Rate);

        var retrained = await fixture.Model.RetrainAsync();
        Assert.Equal("model:2", retrained.Ranking);
        Assert.Equal([2, 1], retrained.Versions.Select(v => v.Version));
        Assert.Equal("model:2", (await grain.GetInsightsAsync()).Ranking);
    }

    /// <summary>A new user's insights grain holding the sample day's insights (as if the pattern grain had sent them).</summary>
    private async Task<(IInsightsGrain Grain, GeneratedInsights Generated)> InsightsGrainWithSampleInsightsAsync()
    {
        var userId = await fixture.NewConsentingUserAsync();
        var generated = InsightGenerator.Generate(SampleReports.OneWorkingDay() with { UserId = userId }) with { Checkpoint = 1_000_000 };
        var grain = fixture.Client.GetGrain<IInsightsGrain>(userId);
        await grain.ApplyGeneratedAsync(generated);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while ((await grain.GetInsightsAsync()).Checkpoint != generated.Checkpoint)
        {
            await Task.Delay(10, patience.Token);
        }

        return (grain, generated);
    }
}

public sealed class RecommendationModelGrainPriorTests(RankingClusterFixture fixture) : IClassFixture<RankingClusterFixture>
{
    [Fact]
    public async Task RetrainAsync_WhenTheModelDoesNotBeatThePrior_StoresItButKeepsTheRules()
    {
        var log = fixture.SiloServices.GetRequiredService<IRecommendationFeedbackLog>();
        foreach (var entry in FeedbackSamples.Generate(250, seed: 3, DateTimeOffset.UtcNow, priorKnowsBest: true))
        {
            await log.AppendAsync(entry, TestContext.Current.CancellationToken);
        }

        var info = await fixture.Model.RetrainAsync();

        Assert.Equal((TrainingOutcome.NotBetter, (int?)1), (info.LastRun!.Outcome, info.LastRun.Version));
        Assert.Equal("rules", info.Ranking);
        Assert.Null(info.Shipped);
        var version = Assert.Single(info.Versions);
        Assert.False(version.Shipped);
        Assert.Equal(1.0, version.PriorAuc);
        Assert.Equal(0, await fixture.Model.GetShippedVersionAsync());
        Assert.Null(await fixture.Model.GetShippedModelAsync());
    }
}
