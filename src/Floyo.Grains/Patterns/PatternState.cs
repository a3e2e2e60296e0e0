using Floyo.Activity;
using Floyo.Patterns.Detectors;

namespace Floyo.Patterns;

/// <summary>
/// The persisted state of a user's pattern grain. <see cref="Checkpoint"/> and the aggregates are written together,
/// so after a crash the grain replays the log from the checkpoint and counts every event exactly once.
/// </summary>
[GenerateSerializer, Alias("floyo.PatternState")]
public sealed class PatternState
{
    /// <summary>The sequence number of the last event applied.</summary>
    [Id(0)] public long Checkpoint { get; set; }

    [Id(1)] public long TotalEvents { get; set; }

    /// <summary>The UTC day the daily counts belong to (the day of the newest event applied).</summary>
    [Id(2)] public DateOnly Day { get; set; }

    [Id(3)] public Dictionary<string, long> ByKind { get; set; } = [];

    [Id(4)] public Dictionary<string, long> ByExtension { get; set; } = [];

    [Id(5)] public Dictionary<string, long> ByProject { get; set; } = [];

    /// <summary>Most recent files first, at most <see cref="ActivityAggregates.RecentFileCount"/>, one entry per file.</summary>
    [Id(6)] public List<RecentFile> RecentFiles { get; set; } = [];

    /// <summary>The pattern detectors' state, saved with the checkpoint it reflects.</summary>
    [Id(7)] public PatternDetectorsState Detectors { get; set; } = new();

    /// <summary>UTC day → highest sequence timestamped on it (see <see cref="Reports.DayTouches"/>); one entry per day with activity.</summary>
    [Id(30)] public Dictionary<DateOnly, long> LastSequenceByUtcDay { get; set; } = [];
}
