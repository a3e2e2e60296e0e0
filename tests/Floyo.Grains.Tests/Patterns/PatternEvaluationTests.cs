using Floyo.SampleData;

namespace Floyo.Grains.Tests.Patterns;

/// <summary>
/// The small evaluation case: the real detectors on 10 generated users × 14 days × ~300 events a day (noise included),
/// against the planted ground truth. The large case is tools/Floyo.PatternBench (docs/BENCHMARKS.md).
/// </summary>
public sealed class PatternEvaluationTests
{
    private static readonly SampleDataOptions Small = new() { Users = 10, Days = 14, EventsPerDay = 300, Seed = 1 };

    [Fact]
    public void Detectors_OnTheSmallGeneratedCase_MeetPrecisionRecallAndFalsePositiveTargets()
    {
        var total = Evaluation.Zero;
        for (var user = 0; user < Small.Users; user++)
        {
            var (sample, days, run) = SampleReplay.Run(Small, user);
            total += SampleReplay.Evaluate(sample, days, run);
        }

        foreach (var (name, result) in new[] { ("co-edit", total.CoEditGroups), ("workflows", total.Workflows), ("focus", total.FocusSessions) })
        {
            Assert.True(result.ExpectedFound + result.FalseNegatives >= 10, $"{name}: too few expected items to judge: {result}");
            Assert.True(result.Precision >= 0.95, $"{name}: {result}");
            Assert.True(result.Recall >= 0.90, $"{name}: {result}");
            Assert.True(result.FalsePositiveRate <= 0.05, $"{name}: {result}");
        }
    }

    [Fact]
    public void Generate_WithTheSameSeed_GivesTheSameEventsAndGroundTruth()
    {
        var first = SampleGenerator.GenerateUser(Small, 3);
        var second = SampleGenerator.GenerateUser(Small, 3);

        Assert.Equal(first.Events, second.Events);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(first.Truth), System.Text.Json.JsonSerializer.Serialize(second.Truth));
        Assert.NotEqual(first.Events, SampleGenerator.GenerateUser(Small with { Seed = 2 }, 3).Events);
    }

    [Fact]
    public void FeedbackSimulator_FollowsTheHiddenPreferences()
    {
        var (truth, _) = SampleGenerator.Generate(Small with { Users = 4, Days = 1 });
        var feedback = new FeedbackSimulator(truth);

        foreach (var user in truth.Users)
        {
            foreach (var (type, preference) in user.Preferences)
            {
                var accepted = Enumerable.Range(0, 400).Count(i => feedback.Accepts(user.Index, type, i));
                Assert.InRange(accepted / 400.0, preference - 0.1, preference + 0.1);
            }
        }
    }
}
