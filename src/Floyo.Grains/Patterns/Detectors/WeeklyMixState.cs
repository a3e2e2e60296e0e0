namespace Floyo.Patterns.Detectors;

/// <summary>
/// Event counts per name for the last 14 UTC days: a ring of 14 day slots per name (slot = day number mod 14), at most
/// <see cref="WeeklyMix.Capacity"/> names.
/// </summary>
[GenerateSerializer, Alias("floyo.WeeklyMixState")]
public sealed class WeeklyMixState
{
    [Id(0)] public Dictionary<string, long[]> Counts { get; set; } = [];

    /// <summary>The newest day number counted.</summary>
    [Id(1)] public int Day { get; set; }
}
