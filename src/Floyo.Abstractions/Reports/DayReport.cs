namespace Floyo.Reports;

/// <summary>
/// One calendar day in the report's time zone: total active seconds and, per dimension, the time by name, sorted by
/// seconds descending then name. Events without a value for a dimension count under "Unknown" (no dependency: not at all).
/// </summary>
[GenerateSerializer, Immutable, Alias("floyo.DayReport")]
public sealed record DayReport(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] double TotalSeconds,
    [property: Id(2)] IReadOnlyDictionary<ReportDimension, IReadOnlyList<NamedDuration>> Breakdown);
