using Floyo.Activity;

namespace Floyo.Patterns.Detectors;

/// <summary>
/// Keeps per-day statistics and counts context switches: between consecutive file events of one work stretch (no
/// pause over <see cref="PatternOptions.StretchGap"/>), a change of project, or of area within a project, is a switch.
/// </summary>
internal sealed class DailyActivityDetector(DailyActivityState state, PatternOptions options, LocalDays days)
{
    public const int KeptDays = 64;
    public const int KeptProjects = 16;

    public IReadOnlyDictionary<int, DayStats> Days => state.Days;

    public void Apply(ActivityEvent e)
    {
        var day = days.DayOf(e.Timestamp);
        if (!state.Days.TryGetValue(day, out var stats))
        {
            stats = new DayStats { FirstMinute = days.MinuteOf(e.Timestamp) };
            state.Days[day] = stats;
            ForgetDaysBefore(day - KeptDays + 1);
        }

        stats.Events++;
        stats.LastMinute = days.MinuteOf(e.Timestamp);
        var slot = stats.LastMinute / 15;
        if (slot > stats.LastSlot)
        {
            stats.Slots++;
            stats.LastSlot = slot;
        }

        if (e.Project is { } project && !stats.Projects.Contains(project) && stats.Projects.Count < KeptProjects)
        {
            stats.Projects.Add(project);
        }

        if (!PatternEvents.IsFileEvent(e))
        {
            return;
        }

        var hash = StableHash.Of(e.Entity);
        stats.FileBits[(hash >> 6) & 3] |= 1UL << (int)(hash & 63);
        var area = PatternEvents.AreaOf(e.Entity, e.Project);
        if (state.LastEventAt is { } last && e.Timestamp - last <= options.StretchGap)
        {
            if (e.Project != state.LastProject)
            {
                stats.Switches++;
                stats.ProjectSwitches++;
            }
            else if (area != state.LastArea)
            {
                stats.Switches++;
            }
        }

        state.LastProject = e.Project;
        state.LastArea = area;
        state.LastEventAt = e.Timestamp;
    }

    /// <summary>Drops the days before <paramref name="first"/> (a method of its own: its closure is paid only on a new day).</summary>
    private void ForgetDaysBefore(int first)
    {
        foreach (var old in state.Days.Keys.Where(k => k < first).ToList())
        {
            state.Days.Remove(old);
        }
    }

    public ContextSwitchSummary Report(int today)
    {
        double Rate(int from, int to)
        {
            var days = state.Days.Where(kv => kv.Key >= from && kv.Key <= to).Select(kv => kv.Value).ToList();
            var hours = days.Sum(d => d.ActiveHours);
            return hours > 0 ? Math.Round(days.Sum(d => d.Switches) / hours, 3) : 0;
        }

        var last = Rate(today - 6, today);
        var previous = Rate(today - 13, today - 7);
        return new ContextSwitchSummary(
            last,
            previous,
            previous > 0 ? Math.Round((last - previous) / previous, 3) : 0,
            [.. state.Days.Where(kv => kv.Key > today - 28).OrderBy(kv => kv.Key)
                .Select(kv => new DailySwitches(DateOnly.FromDayNumber(kv.Key), kv.Value.Switches, kv.Value.ProjectSwitches, kv.Value.ActiveHours))]);
    }
}
