using Floyo.Activity;

namespace Floyo.Patterns.Detectors;

/// <summary>
/// Finds focus sessions: runs of file events in one project and area with no pause over
/// <see cref="PatternOptions.FocusMaxGap"/>, where work elsewhere never lasts over the longest excursion (see
/// <see cref="MaxExcursion"/>) and makes up at most 1 − <see cref="PatternOptions.FocusMinShare"/> of the file events,
/// lasting at least <see cref="PatternOptions.FocusMinLength"/>.
/// Builds, test runs and debug sessions keep a session alive without belonging to an area.
/// </summary>
internal sealed class FocusDetector(FocusState state, PatternOptions options, LocalDays days)
{
    private readonly RecentGaps eventGaps = new(state.EventGaps, KeptGaps);

    public const int KeptSessions = 50;
    public const int KeptDays = 57;
    public const int KeptFiles = 64;
    private const int KeptGaps = 31;

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

        RecordGap(e.Timestamp);
        var area = PatternEvents.AreaOf(e.Entity, e.Project);
        if (state.Area.Length > 0 && (e.Project != state.Project || area != state.Area))
        {
            state.ExcursionStart ??= e.Timestamp;
            if (e.Timestamp - state.ExcursionStart <= MaxExcursion())
            {
                state.ExcursionEvents++;
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
        state.AwayEvents += state.ExcursionEvents;
        state.ExcursionEvents = 0;
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

    /// <summary>
    /// The longest excursion a session survives: <see cref="PatternOptions.FocusMaxExcursion"/>, but never less than two
    /// of the user's median gaps between file events, because a shorter excursion cannot be told from how sparsely this
    /// user's events arrive (two excursion events in a row are already one gap apart).
    /// </summary>
    private TimeSpan MaxExcursion()
    {
        if (eventGaps.Count == 0)
        {
            return options.FocusMaxExcursion;
        }

        var twoGaps = TimeSpan.FromSeconds(2 * eventGaps.Median);
        return twoGaps > options.FocusMaxExcursion ? twoGaps : options.FocusMaxExcursion;
    }

    private void RecordGap(DateTimeOffset at)
    {
        if (state.LastFileEventAt is { } last && at - last <= options.FocusMaxGap)
        {
            eventGaps.Add(at - last);
        }

        state.LastFileEventAt = at;
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
        if (state.Area.Length > 0 && state.LastInArea - state.Start >= options.FocusMinLength
            && state.Events >= options.FocusMinShare * (state.Events + state.AwayEvents))
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
        state.AwayEvents = 0;
        state.ExcursionEvents = 0;
        state.FileCount = 0;
        state.Files.Clear();
    }
}
