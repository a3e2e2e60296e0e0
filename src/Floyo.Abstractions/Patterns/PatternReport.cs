namespace Floyo.Patterns;

/// <summary>
/// Everything the pattern engine knows about one user's way of working, computed incrementally from the event log.
/// A deterministic function of the log: the same events give the same report. "Now" is <see cref="AsOf"/> (the
/// newest event's time), never the wall clock, and days are the user's days, in the time
/// zone of their settings as of the grain's activation.
/// </summary>
/// <param name="UserId">The user.</param>
/// <param name="Checkpoint">The sequence number of the last event included.</param>
/// <param name="EventsApplied">How many events the report has seen in total.</param>
/// <param name="AsOf">The newest event's timestamp (UTC); null when the user has no events.</param>
/// <param name="CoEditGroups">Files changed together again and again, strongest first.</param>
/// <param name="Workflows">Frequent ordered step sequences, most frequent first.</param>
/// <param name="Focus">Focus sessions and totals.</param>
/// <param name="ContextSwitches">Project and file-group switches per active hour, by day and as a trend.</param>
/// <param name="Extensions">File extension mix (lower case with the dot, or "(none)"), this week versus the previous.</param>
/// <param name="Languages">Language mix, this week versus the previous.</param>
/// <param name="HotFiles">The most changed files and their churn, most changed first.</param>
/// <param name="Tools">Editors, plugins and categories used.</param>
/// <param name="UnusualDays">Days that differ from the user's own baseline, newest first.</param>
[GenerateSerializer, Immutable, Alias("floyo.PatternReport")]
public sealed record PatternReport(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] long Checkpoint,
    [property: Id(2)] long EventsApplied,
    [property: Id(3)] DateTimeOffset? AsOf,
    [property: Id(4)] IReadOnlyList<CoEditGroup> CoEditGroups,
    [property: Id(5)] IReadOnlyList<Workflow> Workflows,
    [property: Id(6)] FocusSummary Focus,
    [property: Id(7)] ContextSwitchSummary ContextSwitches,
    [property: Id(8)] IReadOnlyList<MixEntry> Extensions,
    [property: Id(9)] IReadOnlyList<MixEntry> Languages,
    [property: Id(10)] IReadOnlyList<HotFile> HotFiles,
    [property: Id(11)] ToolUsage Tools,
    [property: Id(12)] IReadOnlyList<UnusualDay> UnusualDays);
