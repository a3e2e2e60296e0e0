using System.Collections.Frozen;
using Floyo.Activity;
using Floyo.Patterns.Detectors;

namespace Floyo.Patterns;

/// <summary>
/// The live aggregates of one user: today's counts by kind, extension and project, totals and the most recent files,
/// and the pattern detectors fed with every event. A pure function of the event log: applying the same events in
/// sequence order always gives the same state.
/// </summary>
internal sealed class ActivityAggregates(PatternState state, PatternOptions options, LocalDays days)
{
    private readonly PatternDetectors detectors = new(state.Detectors, options, days);

    public const int RecentFileCount = 10;
    public const string NoExtension = Time.EventNames.NoExtension;
    public const string NoProject = "(no project)";

    public long Checkpoint => state.Checkpoint;

    /// <summary>
    /// Applies events in order. Events at or below the checkpoint are skipped (duplicates); a gap throws, because the
    /// caller must back-fill from the log first.
    /// </summary>
    public AppliedChanges Apply(IReadOnlyList<SequencedEvent> events)
    {
        var changes = new AppliedChanges();
        var (first, last) = (-1, -1);
        try
        {
            for (var i = 0; i < events.Count; i++)
            {
                var stored = events[i];
                if (stored.Sequence <= state.Checkpoint)
                {
                    continue;
                }

                if (stored.Sequence != state.Checkpoint + 1)
                {
                    throw new InvalidOperationException($"Gap: event {stored.Sequence} follows checkpoint {state.Checkpoint}.");
                }

                ApplyOne(stored, changes);
                (first, last) = (first < 0 ? i : first, i);
            }
        }
        finally
        {
            if (last >= 0)
            {
                RememberRecentFiles(events, first, last);
            }
        }

        return changes;
    }

    /// <summary>
    /// Puts the applied events <paramref name="first"/>..<paramref name="last"/> at the head of the recent files, as
    /// adding them one by one would (newest first, one entry per file, at most <see cref="RecentFileCount"/>), but
    /// without making an entry for every event of a large batch only to drop it.
    /// </summary>
    private void RememberRecentFiles(IReadOnlyList<SequencedEvent> events, int first, int last)
    {
        var newest = new List<RecentFile>(RecentFileCount);
        for (var i = last; i >= first && newest.Count < RecentFileCount; i--)
        {
            var (sequence, e) = (events[i].Sequence, events[i].Event);
            if (IndexOf(newest, e.Entity) < 0)
            {
                newest.Add(new RecentFile(e.Entity, e.Kind, e.Project, e.Timestamp, sequence));
            }
        }

        foreach (var earlier in state.RecentFiles)
        {
            if (newest.Count == RecentFileCount)
            {
                break;
            }

            if (IndexOf(newest, earlier.Entity) < 0)
            {
                newest.Add(earlier);
            }
        }

        state.RecentFiles.Clear();
        state.RecentFiles.AddRange(newest);
    }

    private static int IndexOf(List<RecentFile> files, string entity)
    {
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i].Entity == entity)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Moves the checkpoint up to just before <paramref name="firstStored"/>, the first event the log still holds after
    /// it: retention purged the ones in between, so they can never be applied (their counts stay in the totals).
    /// </summary>
    public void SkipPurged(long firstStored)
    {
        if (firstStored > state.Checkpoint + 1)
        {
            state.Checkpoint = firstStored - 1;
        }
    }

    public Reports.DayTouches ToDayTouches() => new(state.Checkpoint, new Dictionary<DateOnly, long>(state.LastSequenceByUtcDay));

    public ActivitySnapshot ToSnapshot(Guid userId, DateOnly today)
    {
        var stale = today > state.Day;
        return new ActivitySnapshot(
            userId,
            stale ? today : state.Day,
            state.Checkpoint,
            state.TotalEvents,
            stale ? [] : Sorted(state.ByKind, null),
            stale ? [] : Sorted(state.ByExtension, null),
            stale ? [] : Sorted(state.ByProject, null),
            [.. state.RecentFiles]);
    }

    public PatternReport ToPatternReport(Guid userId) => detectors.Report(userId, state.Checkpoint, state.TotalEvents);

    public ActivityUpdate ToUpdate(Guid userId, AppliedChanges changes) => new(
        userId,
        state.Day,
        state.Checkpoint,
        state.TotalEvents,
        Sorted(state.ByKind, changes.DayStarted ? null : changes.Kinds),
        Sorted(state.ByExtension, changes.DayStarted ? null : changes.Extensions),
        Sorted(state.ByProject, changes.DayStarted ? null : changes.Projects),
        [.. state.RecentFiles]);

    public static string ExtensionOf(string entity) => Time.EventNames.ExtensionOf(entity);

    public static string KindName(ActivityKind kind) =>
        KindNames.TryGetValue(kind, out var name) ? name : kind.ToString().ToLowerInvariant();

    private static readonly FrozenDictionary<ActivityKind, string> KindNames =
        Enum.GetValues<ActivityKind>().ToFrozenDictionary(k => k, k => k.ToString().ToLowerInvariant());

    private void ApplyOne(SequencedEvent stored, AppliedChanges changes)
    {
        var e = stored.Event;
        state.Checkpoint = stored.Sequence;
        state.TotalEvents++;
        changes.Applied++;
        var day = DateOnly.FromDateTime(e.Timestamp.UtcDateTime);
        state.LastSequenceByUtcDay[day] = stored.Sequence;
        if (day > state.Day)
        {
            state.Day = day;
            state.ByKind.Clear();
            state.ByExtension.Clear();
            state.ByProject.Clear();
            changes.DayStarted = true;
        }

        if (day == state.Day)
        {
            Increment(state.ByKind, KindName(e.Kind), changes.Kinds);
            Increment(state.ByExtension, ExtensionOf(e.Entity), changes.Extensions);
            Increment(state.ByProject, e.Project ?? NoProject, changes.Projects);
        }

        detectors.Apply(e);
    }

    private static void Increment(Dictionary<string, long> counts, string name, HashSet<string> changed)
    {
        counts[name] = counts.GetValueOrDefault(name) + 1;
        changed.Add(name);
    }

    private static List<NamedCount> Sorted(Dictionary<string, long> counts, HashSet<string>? only) =>
        [.. counts
            .Where(kv => only is null || only.Contains(kv.Key))
            .Select(kv => new NamedCount(kv.Key, kv.Value))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Name, StringComparer.Ordinal)];
}

/// <summary>What one <see cref="ActivityAggregates.Apply"/> call changed.</summary>
internal sealed class AppliedChanges
{
    public int Applied { get; set; }

    /// <summary>True when the daily counts were reset for a new day: every name counts as changed.</summary>
    public bool DayStarted { get; set; }

    public HashSet<string> Kinds { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Extensions { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Projects { get; } = new(StringComparer.Ordinal);
}
