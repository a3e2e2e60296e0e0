namespace Floyo.Patterns;

/// <summary>
/// Context switches: a switch is a change of project, or of area (file group, see <see cref="FocusSession.Area"/>)
/// within a project, between consecutive events of one work stretch (pauses longer than the stretch gap do not count).
/// Rates are per active hour (hours in which the user had events are counted in 15-minute slots).
/// </summary>
/// <param name="Last7DaysPerHour">Switches per active hour over the 7 days (the user's) ending with AsOf's day.</param>
/// <param name="Previous7DaysPerHour">The same over the 7 days before.</param>
/// <param name="Trend">Relative change, (last − previous) / previous; 0 when there is no previous data. Positive means
/// more switching.</param>
/// <param name="Days">Per day for the last 28 days (days without activity omitted), oldest first.</param>
[GenerateSerializer, Immutable, Alias("floyo.ContextSwitchSummary")]
public sealed record ContextSwitchSummary(
    [property: Id(0)] double Last7DaysPerHour,
    [property: Id(1)] double Previous7DaysPerHour,
    [property: Id(2)] double Trend,
    [property: Id(3)] IReadOnlyList<DailySwitches> Days);
