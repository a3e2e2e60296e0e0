namespace Floyo.Reports;

/// <summary>Active time per day for a date range, in <see cref="TimeZone"/> (IANA id); one entry per day, in order, empty days included.</summary>
[GenerateSerializer, Immutable, Alias("floyo.TimeReport")]
public sealed record TimeReport(
    [property: Id(0)] string TimeZone,
    [property: Id(1)] DateTimeOffset Start,
    [property: Id(2)] DateTimeOffset End,
    [property: Id(3)] IReadOnlyList<DayReport> Days);
