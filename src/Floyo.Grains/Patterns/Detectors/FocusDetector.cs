using Floyo.Activity;

namespace Floyo.Patterns.Detectors;

/// <summary>
/// Finds focus sessions: runs of file events in one project and area with no pause over
/// <see cref="PatternOptions.FocusMaxGap"/>, where work elsewhere never lasts over
/// <see cref="PatternOptions.FocusMaxExcursion"/>, lasting at least <see cref="PatternOptions.FocusMinLength"/>.
/// Builds, test runs and debug sessions keep a session alive without belonging to an area.
/// </summary>
internal sealed class FocusDetector(FocusState state, PatternOptions options, LocalDays days)
{
    public const int KeptSessions = 50;
    public const int KeptDays = 57;
    public const int KeptFiles = 64;

    public void Apply(ActivityEvent e)
    {
        if (state.LastEventAt is { } last && e.Timestamp - last > options.FocusMaxGap)
        {
            Close();
        }

        state.LastEventAt = e.Timestamp;
        if (!PatternEvents.IsFileEvent(e))
        {
            return;
        }

        var area = PatternEvents.AreaOf(e.Entity, e.Project);
        if (state.Area.Length > 0 && (e.Project != state.Project || area != state.Area))
        {
            state.ExcursionStart ??= e.Timestamp;
            if (e.Timestamp - state.ExcursionStart <= options.FocusMaxExcursion)
            {
                return;
            }

            Close();
        }

        if (state.Area.Length == 0)
        {
            state.Project = e.Project;
            state.Area = area;
            state.Start = e.Timestamp;
        }

        state.LastInArea = e.Timestamp;
        state.ExcursionStart = null;
        state.Events++;
        if (!state.Files.Contains(e.Entity))
        {
            state.FileCount++;
            if (state.Files.Count < KeptFiles)
            {
                state.Files.Add(e.Entity);
            }
        }
    }

    /// <summary>Focus seconds on a day number (sessions that started that day).</summary>
    public double SecondsOn(int day) => state.Days.TryGetValue(day, out var d) ? d.Seconds : 0;

    public FocusSummary Report(int today)
    {
        double Sum(int from, int to) => state.Days.Where(kv => kv.Key >= from && kv.Key <= to).Sum(kv => kv.Value.Seconds);
        return new FocusSummary(
            [.. Enumerable.Reverse(state.Sessions)],
            Sum(today, today),
            Sum(today - 6, today),
            Sum(today - 13, today - 7),
            [.. state.Days.Where(kv => kv.Key > today - 28).OrderBy(kv => kv.Key).Select(kv => kv.Value)]);
    }

    private void Close()
    {
        if (state.Area.Length > 0 && state.LastInArea - state.Start >= options.FocusMinLength)
        {
            var session = new FocusSession(state.Start, state.LastInArea, state.Project, state.Area, state.Events, state.FileCount);
            state.Sessions.Add(session);
            if (state.Sessions.Count > KeptSessions)
            {
                state.Sessions.RemoveAt(0);
            }

            var day = days.DayOf(state.Start);
            var before = state.Days.GetValueOrDefault(day) ?? new DailyFocus(DateOnly.FromDayNumber(day), 0, 0);
            state.Days[day] = before with { Sessions = before.Sessions + 1, Seconds = before.Seconds + session.Seconds };
            foreach (var old in state.Days.Keys.Where(k => k <= day - KeptDays).ToList())
            {
                state.Days.Remove(old);
            }
        }

        state.Area = "";
        state.Project = null;
        state.ExcursionStart = null;
        state.Events = 0;
        state.FileCount = 0;
        state.Files.Clear();
    }
}
