namespace Floyo.Patterns;

/// <summary>
/// A group of 2..k files that were changed (created, modified, renamed or saved) together within one work window,
/// again and again; only maximal groups are reported (none inside another reported group). A work window is a run of change events of one project with no pause longer than the detector's
/// window gap (default 10 minutes) and at most 30 minutes long.
/// </summary>
/// <param name="Files">The files (paths as reported), sorted ordinally.</param>
/// <param name="Project">The project the windows belonged to (null when events carried none).</param>
/// <param name="Support">How many work windows changed every file of the group, each weighted by the share of the
/// window's files the group makes up (a window of exactly these files counts 1, one with twice as many files ½; one
/// where the group is less than half of the files does not count), decayed for old windows (see docs/ARCHITECTURE.md).</param>
/// <param name="Confidence">Support divided by the number of windows that changed the group's most changed member: of
/// the windows that changed that file, the (weighted) fraction that changed the whole group (0..1).</param>
/// <param name="Lift">How much more often the files change together than if they changed independently:
/// Support × N^(k−1) / Π support(file), with N the number of windows; 1 means independent, higher is stronger.</param>
/// <param name="LastSeen">The end of the last window that changed the whole group (UTC).</param>
[GenerateSerializer, Immutable, Alias("floyo.CoEditGroup")]
public sealed record CoEditGroup(
    [property: Id(0)] IReadOnlyList<string> Files,
    [property: Id(1)] string? Project,
    [property: Id(2)] double Support,
    [property: Id(3)] double Confidence,
    [property: Id(4)] double Lift,
    [property: Id(5)] DateTimeOffset LastSeen);
