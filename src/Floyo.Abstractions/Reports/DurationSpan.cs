namespace Floyo.Reports;

/// <summary>
/// A continuous stretch of activity on one name (project, entity, language, …): consecutive events closer than the
/// keystroke timeout joined together, like WakaTime's durations.
/// </summary>
[GenerateSerializer, Immutable, Alias("floyo.DurationSpan")]
public sealed record DurationSpan(
    [property: Id(0)] string Name,
    [property: Id(1)] DateTimeOffset Start,
    [property: Id(2)] double Seconds,
    [property: Id(3)] string? Project);
