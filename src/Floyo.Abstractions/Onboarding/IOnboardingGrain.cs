using Orleans.Concurrency;

namespace Floyo.Onboarding;

/// <summary>One user's first-run wizard progress and activation milestones, keyed by user id.</summary>
[Alias("floyo.IOnboardingGrain")]
public interface IOnboardingGrain : Privacy.IUserDataGrain
{
    [ReadOnly, Alias("get")]
    Task<OnboardingProgress> GetAsync();

    /// <summary>
    /// Marks <paramref name="step"/> done (or skipped). Steps may be finished in any order and again (the first time
    /// counts); Privacy cannot be skipped — choosing not to consent is a choice, recorded as done.
    /// </summary>
    [Alias("complete-step")]
    Task<OnboardingProgress> CompleteStepAsync(OnboardingStep step, bool skipped);

    /// <summary>Saves the agent path privacy (one of <see cref="AgentPrivacyModes.All"/>); throws ArgumentException otherwise.</summary>
    [Alias("agent-privacy")]
    Task<OnboardingProgress> SetAgentPrivacyAsync(string mode);

    /// <summary>Records a milestone the first time it happens (later calls are ignored). One-way: callers never wait.</summary>
    [OneWay, Alias("milestone")]
    Task RecordMilestoneAsync(ActivationMilestone milestone);
}

/// <summary>floyo-agent's path privacy modes (see docs/AGENT.md): what the agent sends instead of a full path.</summary>
public static class AgentPrivacyModes
{
    public const string Hashed = "hashed";
    public const string Relative = "relative";
    public const string Full = "full";

    public static IReadOnlyList<string> All { get; } = [Hashed, Relative, Full];
}
