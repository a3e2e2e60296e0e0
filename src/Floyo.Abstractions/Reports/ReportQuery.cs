namespace Floyo.Reports;

/// <summary>
/// A report request: days <see cref="Start"/>..<see cref="End"/> inclusive in <see cref="TimeZone"/> (the user's time
/// zone when null), optionally only events of one <see cref="Project"/> or <see cref="Branch"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("floyo.ReportQuery")]
public sealed record ReportQuery(
    [property: Id(0)] DateOnly Start,
    [property: Id(1)] DateOnly End,
    [property: Id(2)] string? TimeZone = null,
    [property: Id(3)] string? Project = null,
    [property: Id(4)] string? Branch = null);
