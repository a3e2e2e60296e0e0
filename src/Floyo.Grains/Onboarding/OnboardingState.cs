namespace Floyo.Onboarding;

/// <summary>What an <see cref="OnboardingGrain"/> persists.</summary>
[GenerateSerializer, Alias("floyo.OnboardingState")]
public sealed class OnboardingState
{
    [Id(0)] public List<FinishedStep> Steps { get; set; } = [];

    [Id(1)] public string AgentPrivacy { get; set; } = AgentPrivacyModes.Hashed;

    [Id(2)] public DateTimeOffset? FirstEventAt { get; set; }

    [Id(3)] public DateTimeOffset? FirstInsightAt { get; set; }
}
