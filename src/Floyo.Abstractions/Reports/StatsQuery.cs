namespace Floyo.Reports;

/// <summary>
/// What the dashboard and <c>GET /api/v1/stats</c> ask for: the local days <paramref name="Start"/>..<paramref name="End"/>
/// (at most a year), optionally only one project and/or language. Streaks and the week-over-baseline comparison always
/// look at the whole account (the last 365 days ending <paramref name="End"/>), whatever the filter.
/// </summary>
[GenerateSerializer, Immutable, Alias("floyo.StatsQuery")]
public sealed record StatsQuery(
    [property: Id(0)] DateOnly Start,
    [property: Id(1)] DateOnly End,
    [property: Id(2)] string? Project = null,
    [property: Id(3)] string? Language = null);
