using Floyo.Activity;

namespace Floyo.Web.Components.Pages.Dashboard;

/// <summary>
/// What the dashboard shows: a snapshot plus the live deltas applied since. Deltas at or below the snapshot's
/// sequence number are ignored, and deltas that arrive before the first snapshot wait for it, so subscribing before
/// loading the snapshot loses nothing and counts nothing twice.
/// </summary>
public sealed class DashboardModel
{
    private readonly Dictionary<string, long> byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> byExtension = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> byProject = new(StringComparer.Ordinal);
    private readonly List<ActivityUpdate> early = [];

    public bool Loaded { get; private set; }

    public DateOnly Day { get; private set; }

    public long LastSequence { get; private set; }

    public long TotalEvents { get; private set; }

    public long TodayTotal => byKind.Values.Sum();

    public IReadOnlyList<RecentFile> RecentFiles { get; private set; } = [];

    public IReadOnlyList<NamedCount> ByKind => Sorted(byKind);

    public IReadOnlyList<NamedCount> ByExtension => Sorted(byExtension);

    public IReadOnlyList<NamedCount> ByProject => Sorted(byProject);

    public void Load(ActivitySnapshot snapshot)
    {
        Loaded = true;
        Day = snapshot.Day;
        LastSequence = snapshot.LastSequence;
        TotalEvents = snapshot.TotalEvents;
        Replace(byKind, snapshot.TodayByKind);
        Replace(byExtension, snapshot.TodayByExtension);
        Replace(byProject, snapshot.TodayByProject);
        RecentFiles = snapshot.RecentFiles;
        foreach (var update in early)
        {
            Apply(update);
        }

        early.Clear();
    }

    /// <summary>Applies a delta; false when it is not newer than what is shown.</summary>
    public bool Apply(ActivityUpdate update)
    {
        if (!Loaded)
        {
            early.Add(update);
            return false;
        }

        if (update.LastSequence <= LastSequence)
        {
            return false;
        }

        if (update.Day != Day)
        {
            byKind.Clear();
            byExtension.Clear();
            byProject.Clear();
            Day = update.Day;
        }

        LastSequence = update.LastSequence;
        TotalEvents = update.TotalEvents;
        Merge(byKind, update.TodayByKind);
        Merge(byExtension, update.TodayByExtension);
        Merge(byProject, update.TodayByProject);
        RecentFiles = update.RecentFiles;
        return true;
    }

    private static void Replace(Dictionary<string, long> counts, IReadOnlyList<NamedCount> values)
    {
        counts.Clear();
        Merge(counts, values);
    }

    private static void Merge(Dictionary<string, long> counts, IReadOnlyList<NamedCount> values)
    {
        foreach (var value in values)
        {
            counts[value.Name] = value.Count;
        }
    }

    private static List<NamedCount> Sorted(Dictionary<string, long> counts) =>
        [.. counts.Select(kv => new NamedCount(kv.Key, kv.Value)).OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal)];
}
