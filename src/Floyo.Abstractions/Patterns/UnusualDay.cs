namespace Floyo.Patterns;

/// <summary>A day whose activity differs from the user's own baseline (the preceding days, up to 56).</summary>
/// <param name="Day">The day.</param>
/// <param name="Score">How unusual, in the detector's units (see docs/ARCHITECTURE.md); higher is more unusual.</param>
/// <param name="Threshold">The score above which a day is reported.</param>
/// <param name="Drivers">The features furthest from the baseline, furthest first (the "why").</param>
[GenerateSerializer, Immutable, Alias("floyo.UnusualDay")]
public sealed record UnusualDay(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] double Score,
    [property: Id(2)] double Threshold,
    [property: Id(3)] IReadOnlyList<UnusualFeature> Drivers);
