using Floyo.Accounts;
using Floyo.Insights;
using Floyo.Users;

namespace Floyo.Onboarding;

/// <summary>
/// Keeps a user's wizard progress and activation milestones. Each milestone is also measured as time since sign-up on
/// the <c>floyo.activation.seconds</c> histogram (tag <c>milestone</c>: onboarding_complete, first_event,
/// first_insight), the product's activation funnel.
/// </summary>
public sealed class OnboardingGrain(
    [PersistentState("onboarding", FloyoNames.GrainStorage)] IPersistentState<OnboardingState> state,
    TimeProvider clock) : Grain, IOnboardingGrain
{
    private Guid UserId => this.GetPrimaryKey();

    public async Task EraseUserDataAsync()
    {
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    /// <summary>Retention: wizard progress and milestones are account facts, not activity; nothing to purge.</summary>
    public Task PurgeBeforeAsync(DateTimeOffset cutoff) => Task.CompletedTask;

    public async Task<OnboardingProgress> GetAsync() => Progress(await SignedUpAtAsync());

    public async Task<OnboardingProgress> CompleteStepAsync(OnboardingStep step, bool skipped)
    {
        if (!Enum.IsDefined(step))
        {
            throw new ArgumentException($"Unknown step {step}.", nameof(step));
        }

        if (skipped && step == OnboardingStep.Privacy)
        {
            throw new ArgumentException("The privacy step cannot be skipped; not consenting is a choice made in it.", nameof(skipped));
        }

        var signedUp = await SignedUpAtAsync();
        if (state.State.Steps.Any(s => s.Step == step))
        {
            return Progress(signedUp);
        }

        state.State.Steps.Add(new FinishedStep(step, clock.GetUtcNow(), skipped));
        await state.WriteStateAsync();
        var progress = Progress(signedUp);
        if (progress.NextStep is null)
        {
            Measure("onboarding_complete", signedUp, progress.CompletedAt!.Value);
        }

        return progress;
    }

    public async Task<OnboardingProgress> SetAgentPrivacyAsync(string mode)
    {
        if (!AgentPrivacyModes.All.Contains(mode))
        {
            throw new ArgumentException($"Agent privacy must be one of {string.Join(", ", AgentPrivacyModes.All)}.", nameof(mode));
        }

        state.State.AgentPrivacy = mode;
        await state.WriteStateAsync();
        return Progress(await SignedUpAtAsync());
    }

    public async Task RecordMilestoneAsync(ActivationMilestone milestone)
    {
        var now = clock.GetUtcNow();
        switch (milestone)
        {
            case ActivationMilestone.FirstEvent when state.State.FirstEventAt is null:
                state.State.FirstEventAt = now;
                break;
            case ActivationMilestone.FirstInsight when state.State.FirstInsightAt is null:
                state.State.FirstInsightAt = now;
                break;
            default:
                return;
        }

        await state.WriteStateAsync();
        Measure(milestone == ActivationMilestone.FirstEvent ? "first_event" : "first_insight", await SignedUpAtAsync(), now);
        if (milestone == ActivationMilestone.FirstInsight)
        {
            await EmailFirstInsightAsync();
        }
    }

    /// <summary>
    /// The first-insight email (non-essential: the account grain honours the user's opt-out and sends only to a
    /// verified address). Sent once, because the milestone is recorded once; the insights grain only sent this call
    /// one-way, so asking it for the insight cannot deadlock.
    /// </summary>
    private async Task EmailFirstInsightAsync()
    {
        var insights = (await GrainFactory.GetGrain<IInsightsGrain>(UserId).GetInsightsAsync()).Insights;
        var top = insights.Count > 0 ? insights[0] : null;
        await GrainFactory.GetGrain<IUserAccountGrain>(UserId).SendNotificationAsync(new NotificationEmail(
            NotificationKind.FirstInsight,
            top?.Title ?? "Your first insight is ready",
            top?.Summary ?? "Floyo found its first pattern in how you work. Open your dashboard to see it."));
    }

    private OnboardingProgress Progress(DateTimeOffset? signedUpAt)
    {
        var steps = state.State.Steps.OrderBy(s => s.Step).ToList();
        var next = Enum.GetValues<OnboardingStep>().Cast<OnboardingStep?>().FirstOrDefault(step => steps.All(s => s.Step != step));
        return new OnboardingProgress(
            next,
            steps,
            state.State.AgentPrivacy,
            signedUpAt,
            next is null ? steps.Max(s => s.At) : null,
            state.State.FirstEventAt,
            state.State.FirstInsightAt);
    }

    private async Task<DateTimeOffset?> SignedUpAtAsync() =>
        (await GrainFactory.GetGrain<IUserGrain>(UserId).GetProfileAsync())?.CreatedAt;

    private static void Measure(string milestone, DateTimeOffset? signedUp, DateTimeOffset at)
    {
        if (signedUp is { } start)
        {
            FloyoMetrics.ActivationSeconds.Record((at - start).TotalSeconds, new KeyValuePair<string, object?>("milestone", milestone));
        }
    }
}
