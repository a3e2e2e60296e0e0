namespace Floyo.Patterns.Detectors;

/// <summary>Per-day statistics for the last <see cref="DailyActivityDetector.KeptDays"/> UTC days, and the last place worked.</summary>
[GenerateSerializer, Alias("floyo.DailyActivityState")]
public sealed class DailyActivityState
{
    [Id(0)] public Dictionary<int, DayStats> Days { get; set; } = [];

    [Id(1)] public string? LastProject { get; set; }

    [Id(2)] public string? LastArea { get; set; }

    [Id(3)] public DateTimeOffset? LastEventAt { get; set; }
}
