namespace Floyo.Onboarding;

/// <summary>The steps of the first-run wizard, in order.</summary>
[GenerateSerializer, Alias("floyo.OnboardingStep")]
public enum OnboardingStep
{
    /// <summary>What Floyo does (skippable).</summary>
    Welcome = 0,

    /// <summary>What is collected, in plain words, and the user's choices: consent and the agent's path privacy.</summary>
    Privacy = 1,

    /// <summary>An API key with ready-made client configuration, or sample data (skippable).</summary>
    Setup = 2,
}

/// <summary>Activation moments recorded per user (sign-up → onboarding complete → first event → first insight).</summary>
[GenerateSerializer, Alias("floyo.ActivationMilestone")]
public enum ActivationMilestone
{
    FirstEvent = 0,
    FirstInsight = 1,
}
