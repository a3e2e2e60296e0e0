using Floyo.Agent.Watching;

namespace Floyo.Agent.Events;

/// <summary>
/// Changes of one project that are not reported yet: either held (a busy window, waiting to see whether a burst
/// follows) or a burst being counted per kind.
/// </summary>
public sealed class ProjectActivity(ProjectInfo project, DateTimeOffset now)
{
    private readonly Dictionary<FileChangeKind, (int Count, DateTimeOffset Last)> counts = [];

    public ProjectInfo Project { get; } = project;

    /// <summary>When the held changes started, or when the burst (or its current span) started.</summary>
    public DateTimeOffset Since { get; private set; } = now;

    public DateTimeOffset LastAt { get; private set; } = now;

    public List<FileChange> Held { get; } = [];

    public bool IsBurst { get; private set; }

    public int Count => IsBurst ? counts.Values.Sum(c => c.Count) : Held.Count;

    public void Add(IEnumerable<FileChange> changes, DateTimeOffset now)
    {
        LastAt = now;
        if (IsBurst)
        {
            Tally(changes);
        }
        else
        {
            Held.AddRange(changes);
        }
    }

    /// <summary>Turns the held changes into the first counts of a burst.</summary>
    public void BecomeBurst()
    {
        IsBurst = true;
        Tally(Held);
        Held.Clear();
    }

    /// <summary>One summary per kind for the burst so far; counting starts again from zero.</summary>
    public List<WireEvent> TakeSummaries(DateTimeOffset now)
    {
        var summaries = counts.OrderBy(c => c.Key).Select(c => EventBuilder.Summary(Project, c.Key, c.Value.Count, c.Value.Last)).ToList();
        counts.Clear();
        Since = now;
        return summaries;
    }

    private void Tally(IEnumerable<FileChange> changes)
    {
        foreach (var change in changes)
        {
            var (count, last) = counts.GetValueOrDefault(change.Kind);
            counts[change.Kind] = (count + 1, change.Timestamp > last ? change.Timestamp : last);
        }
    }
}
