using Floyo.Insights;
using Floyo.Live;
using Microsoft.Extensions.DependencyInjection;

namespace Floyo.Grains.Tests.Insights;

[Collection(nameof(ClusterCollection))]
public sealed class InsightsGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ActAsync_AcceptDismissSnooze_ArePersistedAndShownWithTheInsights()
    {
        var (grain, generated) = await GrainWithSampleInsightsAsync();
        var ids = generated.Insights.Where(i => i.IsRecommendation).Select(i => i.Id).Take(3).ToList();

        await grain.ActAsync(ids[0], InsightAction.Accept, null);
        await grain.ActAsync(ids[1], InsightAction.Dismiss, null);
        var snoozed = await grain.ActAsync(ids[2], InsightAction.Snooze, TimeSpan.FromDays(2));
        var snapshot = await grain.GetInsightsAsync();

        Assert.Equal(InsightStatus.Accepted, snapshot.Insights.Single(i => i.Id == ids[0]).Status);
        Assert.Equal(InsightStatus.Dismissed, snapshot.Insights.Single(i => i.Id == ids[1]).Status);
        Assert.Equal(InsightStatus.Snoozed, snoozed.Status);
        Assert.InRange(snoozed.SnoozedUntil!.Value, DateTimeOffset.UtcNow.AddDays(2).AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(2).AddMinutes(5));
        Assert.Equal("rules", snapshot.Ranking);
    }

    [Fact]
    public async Task ActAsync_OnARecommendation_RecordsTheFeedbackWithTheUsersFeatures()
    {
        var (grain, generated) = await GrainWithSampleInsightsAsync();
        var recommendation = generated.Insights.First(i => i.IsRecommendation);
        var observation = generated.Insights.First(i => !i.IsRecommendation);

        await grain.ActAsync(recommendation.Id, InsightAction.Dismiss, null);
        await grain.ActAsync(observation.Id, InsightAction.Accept, null);
        var logged = await FeedbackLog.ReadUserAsync(grain.GetPrimaryKey(), TestContext.Current.CancellationToken);

        var entry = Assert.Single(logged);
        Assert.Equal((recommendation.Recommendation!.CatalogId, false), (entry.CatalogId, entry.Accepted));
        Assert.Equal(generated.Features[UserFeatures.SwitchesPerHour], entry.Features[UserFeatures.SwitchesPerHour]);
    }

    [Fact]
    public async Task ActAsync_WithAnUnknownIdOrABadSnooze_Throws()
    {
        var (grain, generated) = await GrainWithSampleInsightsAsync();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => grain.ActAsync("no-such:insight", InsightAction.Accept, null));
        await Assert.ThrowsAsync<ArgumentException>(() => grain.ActAsync(generated.Insights[0].Id, InsightAction.Snooze, TimeSpan.FromMinutes(5)));
        await Assert.ThrowsAsync<ArgumentException>(() => grain.ActAsync(generated.Insights[0].Id, InsightAction.Snooze, null));
    }

    [Fact]
    public async Task ApplyGeneratedAsync_TellsObserversAndKeepsFeedbackAcrossRegeneration()
    {
        var (grain, generated) = await GrainWithSampleInsightsAsync();
        var observer = new RecordingObserver();
        var reference = fixture.Client.CreateObjectReference<IActivityObserver>(observer);
        await grain.SubscribeAsync(reference);
        var id = generated.Insights[0].Id;
        await grain.ActAsync(id, InsightAction.Accept, null);

        await grain.ApplyGeneratedAsync(generated with { Checkpoint = generated.Checkpoint + 1 });
        var pushed = await observer.WaitForInsightsAsync(s => s.Checkpoint == generated.Checkpoint + 1);

        Assert.Equal(InsightStatus.Accepted, pushed.Insights.Single(i => i.Id == id).Status);
        Assert.Equal(generated.Insights.Count, pushed.Insights.Count);
    }

    private IRecommendationFeedbackLog FeedbackLog =>
        fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.Silos[0].SiloAddress).GetRequiredService<IRecommendationFeedbackLog>();

    /// <summary>A new user's insights grain holding the sample day's insights (as if the pattern grain had sent them).</summary>
    private async Task<(IInsightsGrain Grain, GeneratedInsights Generated)> GrainWithSampleInsightsAsync()
    {
        var userId = await fixture.NewConsentingUserAsync();
        var generated = InsightGenerator.Generate(SampleReports.OneWorkingDay() with { UserId = userId }) with { Checkpoint = 1_000_000 };
        var grain = fixture.Client.GetGrain<IInsightsGrain>(userId);
        await grain.ApplyGeneratedAsync(generated);

        // The call is one-way: wait until the grain has the set before acting on it.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while ((await grain.GetInsightsAsync()).Checkpoint != generated.Checkpoint)
        {
            await Task.Delay(10, patience.Token);
        }

        return (grain, generated);
    }
}
