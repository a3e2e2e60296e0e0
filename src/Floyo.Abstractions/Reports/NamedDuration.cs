namespace Floyo.Reports;

/// <summary>Time attributed to one name (a project, a language, …), in seconds.</summary>
[GenerateSerializer, Immutable, Alias("floyo.NamedDuration")]
public sealed record NamedDuration(
    [property: Id(0)] string Name,
    [property: Id(1)] double Seconds);
