using Floyo.Activity;

namespace Floyo.Patterns.Detectors;

/// <summary>
/// The most changed files: a space-saving sketch of change events per file (decayed like co-edit counts), with line
/// additions and deletions when clients report them.
/// </summary>
internal sealed class HotFileDetector(HotFileState state, PatternOptions options)
{
    public const int Capacity = 64;

    public void Apply(ActivityEvent e)
    {
        if (!PatternEvents.IsChange(e))
        {
            return;
        }

        var day = PatternEvents.DayOf(e.Timestamp);
        var factor = Decay.Factor(state.DecayDay, day, options.DecayHalfLifeDays);
        if (factor < 1)
        {
            SpaceSaving.Decay(state.Files, factor);
        }

        state.DecayDay = Math.Max(state.DecayDay, day);
        var entry = SpaceSaving.Add(state.Files, Capacity, e.Entity, 1, e.Timestamp, e.Project);
        entry.LinesAdded += Math.Max(0, e.Details?.LineAdditions ?? 0);
        entry.LinesDeleted += Math.Max(0, e.Details?.LineDeletions ?? 0);
    }

    public IReadOnlyList<HotFile> Report() =>
        [.. state.Files
            .OrderByDescending(kv => kv.Value.Count)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(20)
            .Select(kv => new HotFile(kv.Key, kv.Value.Tag, (long)Math.Round(kv.Value.Count),
                (long)Math.Ceiling(kv.Value.Error), kv.Value.LinesAdded, kv.Value.LinesDeleted, kv.Value.LastSeen))];
}
