using Floyo.Insights;
using Floyo.Insights.Learning;
using Floyo.SampleData;

namespace Floyo.Grains.Tests.Insights;

public sealed class RankingTrainerTests
{
    private static readonly RankingOptions Options = new();

    [Fact]
    public void Train_BelowTheMinimumFeedback_TrainsNothing()
    {
        var examples = Examples(FeedbackSamples.Generate(100, 1, DateTimeOffset.UnixEpoch));

        var result = RankingTrainer.Train(examples, Options);

        Assert.Equal(400, examples.Count);
        Assert.Null(result.Model);
        Assert.False(result.BeatsPrior);
        var testWatcher = result.AcceptanceRates.Single(r => r.Type == RecommendationCatalog.TestWatcher);
        Assert.Equal((50, 50, 0.5), (testWatcher.Accepted, testWatcher.Dismissed, testWatcher.Rate));
    }

    [Fact]
    public void Train_OnLearnableFeedback_BeatsTheCatalogPriorAndScoresAcceptsHigher()
    {
        var result = RankingTrainer.Train(Examples(FeedbackSamples.Generate(300, 1, DateTimeOffset.UnixEpoch)), Options);

        Assert.True(result.BeatsPrior, $"model {result.ModelAuc}, prior {result.PriorAuc}");
        Assert.True(result.ModelAuc > 0.95, $"model {result.ModelAuc}");
        Assert.True(result.HeldOutExamples > 0 && result.TrainingExamples + result.HeldOutExamples == 1200);
        var model = result.Model!;
        Assert.True(model.Score(RecommendationCatalog.TestWatcher, FeedbackSamples.Features(7)) > model.Score(RecommendationCatalog.TestWatcher, FeedbackSamples.Features(2)));
        Assert.True(model.Score(RecommendationCatalog.FocusBlocks, FeedbackSamples.Features(1)) > model.Score(RecommendationCatalog.FocusBlocks, FeedbackSamples.Features(8)));
    }

    [Fact]
    public void Train_WhenThePriorIsAlreadyPerfect_DoesNotShip()
    {
        var result = RankingTrainer.Train(Examples(FeedbackSamples.Generate(300, 1, DateTimeOffset.UnixEpoch, priorKnowsBest: true)), Options);

        Assert.NotNull(result.Model);
        Assert.Equal(1.0, result.PriorAuc);
        Assert.False(result.BeatsPrior);
    }

    [Fact]
    public void Load_OfASavedModel_ScoresExactlyAsTheTrainedOne()
    {
        var trained = RankingModel.Train(Examples(FeedbackSamples.Generate(300, 1, DateTimeOffset.UnixEpoch)));

        var loaded = RankingModel.Load(trained.Bytes);

        foreach (var type in RecommendationCatalog.All.Select(e => e.Id))
        {
            for (var user = 0; user < 10; user++)
            {
                Assert.Equal(trained.Score(type, FeedbackSamples.Features(user)), loaded.Score(type, FeedbackSamples.Features(user)));
            }
        }
    }

    [Fact]
    public void IsHeldOut_SplitsUsersByAStableHash()
    {
        var users = Enumerable.Range(0, 2000).Select(i => RankingEvaluator.UserId(1, i)).ToList();

        var heldOut = users.Count(u => RankingTrainer.IsHeldOut(u, 25));

        Assert.InRange(heldOut, 400, 600);
        Assert.All(users, u => Assert.Equal(RankingTrainer.IsHeldOut(u, 25), RankingTrainer.IsHeldOut(u, 25)));
        Assert.DoesNotContain(users, u => RankingTrainer.IsHeldOut(u, 0));
    }

    private static List<RankingExample> Examples(IEnumerable<RecommendationFeedback> feedback) => [.. feedback.Select(RankingExample.From)];
}
