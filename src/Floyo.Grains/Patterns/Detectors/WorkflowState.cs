namespace Floyo.Patterns.Detectors;

/// <summary>
/// The workflow detector's state: the current episode's steps (the first <see cref="Sealed"/> already counted, at most
/// 3 of them kept as context), the current cluster of changes that may form a commit-like burst, the user's latest gaps
/// between changes, and a space-saving sketch of step sequences (ids joined with '>').
/// </summary>
[GenerateSerializer, Alias("floyo.WorkflowState")]
public sealed class WorkflowState
{
    [Id(0)] public List<StepMark> Steps { get; set; } = [];

    [Id(1)] public DateTimeOffset? LastEventAt { get; set; }

    /// <summary>The current cluster of changes, each within the burst gap of the previous one (the latest 16).</summary>
    [Id(2)] public List<StepMark> RecentChanges { get; set; } = [];

    [Id(3)] public bool InBurst { get; set; }

    [Id(4)] public Dictionary<string, CounterEntry> Sequences { get; set; } = [];

    [Id(5)] public int DecayDay { get; set; }

    /// <summary>How many of the leading <see cref="Steps"/> are sealed (their sequences counted).</summary>
    [Id(6)] public int Sealed { get; set; }

    /// <summary>The latest gaps between consecutive changes that were not part of one burst and not pauses, in seconds, oldest first (at most 31).</summary>
    [Id(7)] public List<double> ChangeGaps { get; set; } = [];
}

/// <summary>A step (or, in <see cref="WorkflowState.RecentChanges"/>, a file) and when it started.</summary>
[GenerateSerializer, Alias("floyo.StepMark")]
public sealed class StepMark
{
    [Id(0)] public string Name { get; set; } = "";

    [Id(1)] public DateTimeOffset At { get; set; }
}
