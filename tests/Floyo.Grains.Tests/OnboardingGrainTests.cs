using Floyo.Activity;
using Floyo.Onboarding;

namespace Floyo.Grains.Tests;

[Collection(nameof(ClusterCollection))]
public sealed class OnboardingGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task CompleteStepAsync_SavesProgressAndTheWizardResumesAtTheNextStep()
    {
        var userId = await fixture.NewConsentingUserAsync();
        var grain = fixture.Client.GetGrain<IOnboardingGrain>(userId);

        var start = await grain.GetAsync();
        await grain.CompleteStepAsync(OnboardingStep.Welcome, skipped: true);
        await grain.SetAgentPrivacyAsync(AgentPrivacyModes.Relative);
        var afterPrivacy = await grain.CompleteStepAsync(OnboardingStep.Privacy, skipped: false);
        var again = await grain.CompleteStepAsync(OnboardingStep.Privacy, skipped: false);
        var done = await grain.CompleteStepAsync(OnboardingStep.Setup, skipped: false);

        Assert.Equal(OnboardingStep.Welcome, start.NextStep);
        Assert.NotNull(start.SignedUpAt);
        Assert.Equal(OnboardingStep.Setup, afterPrivacy.NextStep);
        Assert.Equal(afterPrivacy.Steps, again.Steps);
        Assert.Null(done.NextStep);
        Assert.NotNull(done.CompletedAt);
        Assert.Equal("relative", done.AgentPrivacy);
        Assert.True(done.Steps.Single(s => s.Step == OnboardingStep.Welcome).Skipped);
    }

    [Fact]
    public async Task CompleteStepAsync_WhenSkippingPrivacyOrGivingAnUnknownMode_Throws()
    {
        var grain = fixture.Client.GetGrain<IOnboardingGrain>(await fixture.NewConsentingUserAsync());

        await Assert.ThrowsAsync<ArgumentException>(() => grain.CompleteStepAsync(OnboardingStep.Privacy, skipped: true));
        await Assert.ThrowsAsync<ArgumentException>(() => grain.SetAgentPrivacyAsync("everything"));
    }

    [Fact]
    public async Task FirstEvent_IsRecordedOnceWhenTheUsersFirstEventsAreApplied()
    {
        var userId = await fixture.NewConsentingUserAsync();
        var grain = fixture.Client.GetGrain<IOnboardingGrain>(userId);
        var activity = fixture.Client.GetGrain<IUserActivityGrain>(userId);

        await activity.IngestAsync([TestEvents.Modified("a.cs")]);
        var first = await WaitForAsync(grain, p => p.FirstEventAt is not null);
        await activity.IngestAsync([TestEvents.Modified("b.cs")]);
        await fixture.Client.GetGrain<Floyo.Patterns.IPatternDetectorGrain>(userId).GetSnapshotAsync();
        var later = await grain.GetAsync();

        Assert.Equal(first.FirstEventAt, later.FirstEventAt);
    }

    private static async Task<OnboardingProgress> WaitForAsync(IOnboardingGrain grain, Func<OnboardingProgress, bool> condition)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var progress = await grain.GetAsync();
            if (condition(progress))
            {
                return progress;
            }

            await Task.Delay(20, patience.Token);
        }
    }
}
