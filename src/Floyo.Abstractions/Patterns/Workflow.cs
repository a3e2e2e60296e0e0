namespace Floyo.Patterns;

/// <summary>
/// A frequent ordered sequence of 2..4 consecutive steps (after collapsing repeats), occurring within one work stretch
/// (no pause longer than the detector's episode gap, default 5 minutes). Only maximal sequences with at least one
/// non-edit step (build, test run, debug, review, commit-like burst) are reported; edit-only ping-pong is what co-edit
/// groups describe.
/// </summary>
/// <param name="Steps">The steps, in order.</param>
/// <param name="Occurrences">How many times the sequence occurred (decayed for old occurrences, like co-edit support).</param>
/// <param name="TypicalSeconds">Median time from the start of the first step to the start of the last step, in
/// seconds (over the most recent occurrences).</param>
/// <param name="LastSeen">When the last step of the latest occurrence started (UTC).</param>
[GenerateSerializer, Immutable, Alias("floyo.Workflow")]
public sealed record Workflow(
    [property: Id(0)] IReadOnlyList<WorkflowStep> Steps,
    [property: Id(1)] double Occurrences,
    [property: Id(2)] double TypicalSeconds,
    [property: Id(3)] DateTimeOffset LastSeen);
