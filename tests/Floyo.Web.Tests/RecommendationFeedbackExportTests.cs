using System.Net;
using System.Text.Json;
using Floyo.Insights;

namespace Floyo.Web.Tests;

[Collection(nameof(WebCollection))]
public sealed class RecommendationFeedbackExportTests(FloyoWebFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Export_HoldsTheCallersAcceptsAndDismissesWithTheirFeaturesAndPriors()
    {
        var (userId, key) = await fixture.CreateUserAsync();
        var (_, otherKey) = await fixture.CreateUserAsync();
        var recommendations = await GiveRecommendationsAsync(userId);
        using var client = fixture.Http(key);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/insights/{recommendations[0].Id}/accept", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/insights/{recommendations[1].Id}/dismiss", null, Cancel)).StatusCode);

        var export = JsonDocument.Parse(await client.GetStringAsync("/api/v1/export?format=json", Cancel)).RootElement;
        var others = JsonDocument.Parse(await fixture.Http(otherKey).GetStringAsync("/api/v1/export?format=json", Cancel)).RootElement;

        var rows = export.GetProperty("recommendationFeedback").EnumerateArray().ToList();
        Assert.Equal(
            [(recommendations[0].Type, true, recommendations[0].Score), (recommendations[1].Type, false, recommendations[1].Score)],
            rows.Select(r => (r.GetProperty("type").GetString()!, r.GetProperty("accepted").GetBoolean(), r.GetProperty("prior").GetDouble())));
        Assert.All(rows, r => Assert.Equal(5, r.GetProperty("switchesPerHour").GetDouble()));
        Assert.Equal(0, others.GetProperty("recommendationFeedback").GetArrayLength());
    }

    private async Task<List<Insight>> GiveRecommendationsAsync(Guid userId)
    {
        var generated = await SampleInsights.GiveAsync(fixture, userId);

        var recommendations = generated.Insights.Where(i => i.IsRecommendation).ToList();
        Assert.True(recommendations.Count >= 2);
        return recommendations;
    }
}
