namespace Floyo.Onboarding;

/// <summary>
/// Where a user is in the first-run wizard, and the activation times the product tracks. All times UTC.
/// </summary>
/// <param name="NextStep">The first step not yet done or skipped; null when the wizard is complete.</param>
/// <param name="Steps">Each finished step with when and whether it was skipped.</param>
/// <param name="AgentPrivacy">The path privacy the user chose for floyo-agent (<c>hashed</c>, <c>relative</c>,
/// <c>full</c>); the wizard writes it into the agent configuration it offers.</param>
/// <param name="SignedUpAt">When the account was created.</param>
/// <param name="CompletedAt">When the last step was finished.</param>
/// <param name="FirstEventAt">When the first event was stored.</param>
/// <param name="FirstInsightAt">When the first insight was generated.</param>
[GenerateSerializer, Immutable, Alias("floyo.OnboardingProgress")]
public sealed record OnboardingProgress(
    [property: Id(0)] OnboardingStep? NextStep,
    [property: Id(1)] IReadOnlyList<FinishedStep> Steps,
    [property: Id(2)] string AgentPrivacy,
    [property: Id(3)] DateTimeOffset? SignedUpAt,
    [property: Id(4)] DateTimeOffset? CompletedAt,
    [property: Id(5)] DateTimeOffset? FirstEventAt,
    [property: Id(6)] DateTimeOffset? FirstInsightAt);

/// <summary>A finished wizard step.</summary>
[GenerateSerializer, Immutable, Alias("floyo.FinishedStep")]
public sealed record FinishedStep(
    [property: Id(0)] OnboardingStep Step,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] bool Skipped);
