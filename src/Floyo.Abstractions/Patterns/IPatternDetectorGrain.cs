using Floyo.Activity;
using Floyo.Live;
using Floyo.Reports;

namespace Floyo.Patterns;

/// <summary>
/// Per-user pattern engine, keyed by user id. An implicit subscriber of the user's activity stream: it applies each
/// event exactly once in sequence order (duplicates skipped, gaps back-filled from the event log), keeps live
/// aggregates and the pattern detectors' state and notifies observers of every change.
/// </summary>
[Alias("floyo.IPatternDetectorGrain")]
public interface IPatternDetectorGrain : Privacy.IUserDataGrain
{
    /// <summary>
    /// The current aggregates. Before answering, the grain catches up with the event log, so every event
    /// acknowledged before this call is included.
    /// </summary>
    [Alias("snapshot")]
    Task<ActivitySnapshot> GetSnapshotAsync();

    /// <summary>
    /// The user's patterns: co-edit groups, workflows, focus sessions, context switches, mixes, hot files, tool usage
    /// and unusual days. Like <see cref="GetSnapshotAsync"/>, it catches up with the event log first.
    /// </summary>
    [Alias("patterns")]
    Task<PatternReport> GetPatternsAsync();

    /// <summary>Subscribes (or renews) an observer. Subscriptions expire after five minutes without renewal.</summary>
    /// <summary>Which UTC days changed at which sequence, after catching up with the log (see <see cref="DayTouches"/>).</summary>
    [Alias("day-touches")]
    Task<DayTouches> GetDayTouchesAsync();

    [Alias("subscribe")]
    Task SubscribeAsync(IActivityObserver observer);

    /// <summary>Removes an observer.</summary>
    [Alias("unsubscribe")]
    Task UnsubscribeAsync(IActivityObserver observer);
}
