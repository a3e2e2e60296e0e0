using System.Net;
using System.Text.Json;
using Floyo.Insights;
using Floyo.SampleData;
using Microsoft.Extensions.DependencyInjection;

namespace Floyo.Web.Tests;

[Collection(nameof(RankingWebCollection))]
public sealed class RecommendationModelApiTests(RankingWebFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InsightsAndModelInfo_AfterEnoughFeedbackAndRetraining_ShowTheLearnedRanking()
    {
        var (userId, key) = await fixture.CreateUserAsync();
        await GiveInsightsAsync(userId);
        using var before = await GetJsonAsync(key, "/api/v1/insights?status=all");
        using var infoBefore = await GetJsonAsync(key, "/api/v1/recommendations/model");
        var log = fixture.Services.GetRequiredService<IRecommendationFeedbackLog>();
        foreach (var entry in FeedbackSamples.Generate(250, seed: 11, DateTimeOffset.UtcNow))
        {
            await log.AppendAsync(entry, Cancel);
        }

        await fixture.Grains.GetGrain<IRecommendationModelGrain>(IRecommendationModelGrain.Key).RetrainAsync();
        using var after = await GetJsonAsync(key, "/api/v1/insights?status=all");
        using var info = await GetJsonAsync(key, "/api/v1/recommendations/model?versions=3");

        Assert.Equal("rules", before.RootElement.GetProperty("ranking").GetString());
        Assert.Equal("rules", infoBefore.RootElement.GetProperty("ranking").GetString());
        Assert.Equal("model:1", after.RootElement.GetProperty("ranking").GetString());
        var root = info.RootElement;
        Assert.Equal("model:1", root.GetProperty("ranking").GetString());
        Assert.Equal(1, root.GetProperty("shipped").GetProperty("version").GetInt32());
        Assert.True(root.GetProperty("shipped").GetProperty("modelAuc").GetDouble() > root.GetProperty("shipped").GetProperty("priorAuc").GetDouble());
        Assert.Equal("shipped", root.GetProperty("lastRun").GetProperty("outcome").GetString());
        Assert.Equal(1000, root.GetProperty("lastRun").GetProperty("feedback").GetInt32());
        var testWatcher = root.GetProperty("acceptanceRates").EnumerateArray().Single(r => r.GetProperty("type").GetString() == RecommendationCatalog.TestWatcher);
        Assert.Equal(0.5, testWatcher.GetProperty("rate").GetDouble());
        Assert.Equal(1, root.GetProperty("versions").GetArrayLength());

        // Aggregates only: nothing in the answer names a user.
        Assert.DoesNotContain(userId.ToString(), info.RootElement.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(FeedbackSamples.Generate(1, 11, DateTimeOffset.UtcNow).First().UserId.ToString(), info.RootElement.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("51")]
    [InlineData("")]
    public async Task GetModel_WithBadVersions_AnswersAFieldError(string versions)
    {
        var (_, key) = await fixture.CreateUserAsync();

        var response = await fixture.Http(key).GetAsync($"/api/v1/recommendations/model?versions={versions}", Cancel);

        await ProblemAssert.HasFieldErrorAsync(response, HttpStatusCode.BadRequest, "versions");
    }

    [Fact]
    public async Task GetModel_WithoutAKey_IsUnauthorized()
    {
        var response = await fixture.Http().GetAsync("/api/v1/recommendations/model", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task GiveInsightsAsync(Guid userId)
    {
        await SampleInsights.GiveAsync(fixture, userId);
    }

    private async Task<JsonDocument> GetJsonAsync(string key, string path) =>
        JsonDocument.Parse(await fixture.Http(key).GetStringAsync(path, Cancel));
}
