namespace Floyo.Patterns.Detectors;

/// <summary>
/// The focus detector's state: the candidate session (empty <see cref="Area"/>: none), the latest sessions (at most
/// <see cref="FocusDetector.KeptSessions"/>) and focus per UTC day for the last <see cref="FocusDetector.KeptDays"/> days.
/// </summary>
[GenerateSerializer, Alias("floyo.FocusState")]
public sealed class FocusState
{
    [Id(0)] public string? Project { get; set; }

    [Id(1)] public string Area { get; set; } = "";

    [Id(2)] public DateTimeOffset Start { get; set; }

    [Id(3)] public DateTimeOffset LastInArea { get; set; }

    [Id(4)] public DateTimeOffset? ExcursionStart { get; set; }

    [Id(5)] public int Events { get; set; }

    /// <summary>Distinct files of the candidate, at most <see cref="FocusDetector.KeptFiles"/> kept.</summary>
    [Id(6)] public List<string> Files { get; set; } = [];

    [Id(7)] public int FileCount { get; set; }

    [Id(8)] public DateTimeOffset? LastEventAt { get; set; }

    /// <summary>Sessions, oldest first.</summary>
    [Id(9)] public List<FocusSession> Sessions { get; set; } = [];

    /// <summary>Focus per day number: sessions started that day and their seconds.</summary>
    [Id(10)] public Dictionary<int, DailyFocus> Days { get; set; } = [];

    [Id(11)] public DateTimeOffset? LastFileEventAt { get; set; }

    /// <summary>The latest gaps between consecutive file events that were not pauses, in seconds, oldest first (at most 31).</summary>
    [Id(12)] public List<double> EventGaps { get; set; } = [];

    /// <summary>File events elsewhere during the candidate's excursions it came back from.</summary>
    [Id(13)] public int AwayEvents { get; set; }

    /// <summary>File events elsewhere since the candidate's last event in its area.</summary>
    [Id(14)] public int ExcursionEvents { get; set; }
}
