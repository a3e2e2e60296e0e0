using Floyo.Onboarding;
using Floyo.Users;

namespace Floyo.Web.Services;

/// <summary>Facade for the first-run wizard: progress, consent, the agent's path privacy and the first API key.</summary>
public sealed class OnboardingService(IGrainFactory grains)
{
    public Task<OnboardingProgress> GetProgressAsync(Guid userId) => Onboarding(userId).GetAsync();

    public Task<OnboardingProgress> CompleteStepAsync(Guid userId, OnboardingStep step, bool skipped) =>
        Onboarding(userId).CompleteStepAsync(step, skipped);

    /// <summary>Saves the privacy step's choices: consent (granted for the current policy, or left as it is) and path privacy.</summary>
    public async Task<OnboardingProgress> SavePrivacyChoicesAsync(Guid userId, bool consent, string agentPrivacy)
    {
        await Onboarding(userId).SetAgentPrivacyAsync(agentPrivacy);
        if (consent && (await grains.GetGrain<IUserGrain>(userId).GetPrivacyAsync()).ConsentedAt is null)
        {
            await grains.GetGrain<IUserGrain>(userId).GrantConsentAsync(PrivacyPolicy.CurrentVersion);
        }

        return await Onboarding(userId).CompleteStepAsync(OnboardingStep.Privacy, skipped: false);
    }

    public async Task<bool> HasConsentedAsync(Guid userId) =>
        (await grains.GetGrain<IUserGrain>(userId).GetPrivacyAsync()).ConsentedAt is not null;

    /// <summary>Creates an API key labelled for the wizard; the key is shown once.</summary>
    public Task<CreatedApiKey> CreateApiKeyAsync(Guid userId) => grains.GetGrain<IUserGrain>(userId).CreateApiKeyAsync("Created during setup");

    private IOnboardingGrain Onboarding(Guid userId) => grains.GetGrain<IOnboardingGrain>(userId);
}
