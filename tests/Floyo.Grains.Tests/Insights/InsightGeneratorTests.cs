using Floyo.Insights;
using Floyo.Patterns;

namespace Floyo.Grains.Tests.Insights;

public sealed class InsightGeneratorTests
{
    [Fact]
    public void Generate_ForOneWorkingDay_GivesAtLeastThreeRecommendationsWithTheirNumbers()
    {
        var generated = InsightGenerator.Generate(SampleReports.OneWorkingDay());

        var recommendations = generated.Insights.Where(i => i.IsRecommendation).ToList();
        Assert.True(recommendations.Count >= 3, $"Only {recommendations.Count} recommendations: {string.Join(", ", recommendations.Select(r => r.Id))}");
        Assert.Contains(recommendations, r => r.Id == "test-watcher:all");
        Assert.Contains(recommendations, r => r.Id == "formatter:csharp");
        Assert.Contains(recommendations, r => r.Id == "batch-communication:all");
        Assert.All(recommendations, r =>
        {
            Assert.NotEmpty(r.Why);
            Assert.NotEmpty(r.Recommendation!.HowToAdopt);
            Assert.InRange(r.Score, 0.0, 1.0);
        });
    }

    [Fact]
    public void Generate_ForTheSameReport_GivesTheSameInsightsAndIds()
    {
        var first = InsightGenerator.Generate(SampleReports.OneWorkingDay());
        var second = InsightGenerator.Generate(SampleReports.OneWorkingDay());

        Assert.Equal(first.Insights.Select(Describe), second.Insights.Select(Describe));
        Assert.Equal(first.Insights.Count, first.Insights.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public void Generate_WithoutEvents_GivesNothing()
    {
        var report = SampleReports.OneWorkingDay() with { AsOf = null };

        Assert.Empty(InsightGenerator.Generate(report).Insights);
    }

    [Fact]
    public void Generate_OrdersByScoreAndStrongerEvidenceScoresHigher()
    {
        var weak = SampleReports.OneWorkingDay();
        var strong = weak with { Workflows = [SampleReports.Flow(30, 95, WorkflowSteps.EditSource, WorkflowSteps.EditTest, WorkflowSteps.RunTests)] };

        var weakScore = InsightGenerator.Generate(weak).Insights.Single(i => i.Id == "test-watcher:all").Score;
        var strongInsights = InsightGenerator.Generate(strong).Insights;

        Assert.True(strongInsights.Single(i => i.Id == "test-watcher:all").Score > weakScore);
        Assert.Equal(strongInsights.OrderByDescending(i => i.Score).Select(i => i.Id), strongInsights.Select(i => i.Id));
    }

    [Fact]
    public void Generate_ForCoEditGroupsAndWorkflows_GivesObservationsWithStableIds()
    {
        var generated = InsightGenerator.Generate(SampleReports.OneWorkingDay());

        var coEdit = Assert.Single(generated.Insights, i => i.Type == InsightTypes.CoEdit);
        var workflow = Assert.Single(generated.Insights, i => i.Type == InsightTypes.Workflow && i.Id.Contains("edit-test", StringComparison.Ordinal));
        Assert.Null(coEdit.Recommendation);
        Assert.Equal("workflow:edit-source>edit-test>run-tests", workflow.Id);
        Assert.Matches("^co-edit:[0-9a-f]{8}$", coEdit.Id);
        Assert.Contains("Invoice.cs", coEdit.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("C#", "csharp")]
    [InlineData("C++", "cpp")]
    [InlineData("Objective-C", "objective-c")]
    [InlineData("Vim script", "vim-script")]
    public void Slug_MakesUrlSafeIdParts(string name, string slug) => Assert.Equal(slug, RecommendationRules.Slug(name));

    private static string Describe(Insight i) => $"{i.Id}|{i.Score:R}|{i.Title}|{i.Summary}|{string.Join(';', i.Why)}";
}
