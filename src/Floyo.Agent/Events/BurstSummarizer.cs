using Floyo.Agent.Configuration;
using Floyo.Agent.Watching;

namespace Floyo.Agent.Events;

/// <summary>
/// Keeps bursts (a git checkout touching 10,000 files) from becoming 10,000 events. Per project: a window with at most
/// <see cref="AgentTuning.BurstHoldThreshold"/> changes is reported at once, change by change. A busier window is
/// held; if the project's held changes pass <see cref="AgentTuning.BurstThreshold"/> within the cool-down, they become
/// a burst, else they are reported one by one when the cool-down after the first ends. A burst is counted per kind
/// and reported as one summary per kind when its project has been quiet for the cool-down, or every
/// <see cref="AgentTuning.BurstMaxSpanMilliseconds"/> while it goes on. Used from one thread (the change loop).
/// </summary>
public sealed class BurstSummarizer(AgentTuning tuning)
{
    private readonly Dictionary<string, ProjectActivity> active = new(StringComparer.Ordinal);
    private readonly TimeSpan coolDown = TimeSpan.FromMilliseconds(tuning.BurstCoolDownMilliseconds);
    private readonly TimeSpan maxSpan = TimeSpan.FromMilliseconds(tuning.BurstMaxSpanMilliseconds);

    /// <summary>When <see cref="Process"/> must run again to release something, even without new changes.</summary>
    public DateTimeOffset? NextDue => active.Count == 0 ? null : active.Values.Min(Due);

    /// <summary>Adds a window's changes and returns what is due: immediate changes, released held changes, summaries.</summary>
    public List<WireEvent> Process(IReadOnlyList<FileChange> changes, DateTimeOffset now, EventBuilder builder)
    {
        var events = new List<WireEvent>();
        foreach (var group in changes.GroupBy(c => builder.ProjectOf(c.Path)))
        {
            var project = group.Key;
            if (active.TryGetValue(project.Root, out var activity))
            {
                activity.Add(group, now);
            }
            else if (group.Count() > tuning.BurstHoldThreshold)
            {
                activity = new ProjectActivity(project, now);
                activity.Add(group, now);
                active[project.Root] = activity;
            }
            else
            {
                events.AddRange(group.Select(c => builder.Single(project, c)));
                continue;
            }

            if (!activity.IsBurst && activity.Count > tuning.BurstThreshold)
            {
                activity.BecomeBurst();
            }
        }

        foreach (var activity in active.Values.Where(a => Due(a) <= now).ToList())
        {
            events.AddRange(Release(activity, now, builder));
        }

        return events;
    }

    /// <summary>Everything held or counted, now (the session is stopping).</summary>
    public List<WireEvent> ReleaseAll(DateTimeOffset now, EventBuilder builder)
    {
        var events = active.Values.ToList().SelectMany(a => Release(a, now, builder, stopping: true)).ToList();
        active.Clear();
        return events;
    }

    /// <summary>Forgets everything held or counted (the agent was paused); returns how many changes that was.</summary>
    public int Discard()
    {
        var count = active.Values.Sum(a => a.Count);
        active.Clear();
        return count;
    }

    private DateTimeOffset Due(ProjectActivity activity) =>
        activity.IsBurst
            ? Min(activity.LastAt + coolDown, activity.Since + maxSpan)
            : activity.Since + coolDown;

    private List<WireEvent> Release(ProjectActivity activity, DateTimeOffset now, EventBuilder builder, bool stopping = false)
    {
        if (!activity.IsBurst)
        {
            active.Remove(activity.Project.Root);
            return [.. activity.Held.Select(c => builder.Single(activity.Project, c))];
        }

        var quiet = now - activity.LastAt >= coolDown;
        if (quiet || stopping)
        {
            active.Remove(activity.Project.Root);
        }

        return activity.TakeSummaries(now);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
