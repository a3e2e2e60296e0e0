using Floyo.Activity;

namespace Floyo.Patterns.Detectors;

/// <summary>
/// Replays a user's events through fresh detectors, taking a report at the end of every day (in the given time zone), and collects every
/// focus session and unusual day the detectors emitted along the way (a report keeps only the latest ones). Used by
/// the evaluation and the benchmarks.
/// </summary>
public static class PatternReplay
{
    /// <summary>What a replay produced.</summary>
    /// <param name="Final">The report after the last event.</param>
    /// <param name="FocusSessions">Every focus session emitted, in start order.</param>
    /// <param name="UnusualDays">Every day flagged unusual in the report at the end of that day, in day order.</param>
    /// <param name="State">The detectors' state after the last event.</param>
    public sealed record Result(
        PatternReport Final,
        IReadOnlyList<FocusSession> FocusSessions,
        IReadOnlyList<UnusualDay> UnusualDays,
        PatternDetectorsState State);

    public static Result Run(Guid userId, IEnumerable<ActivityEvent> events, PatternOptions options, LocalDays days)
    {
        var state = new PatternDetectorsState();
        var detectors = new PatternDetectors(state, options, days);
        var sessions = new SortedDictionary<DateTimeOffset, FocusSession>();
        var unusual = new SortedDictionary<DateOnly, UnusualDay>();
        long applied = 0;
        int? day = null;
        foreach (var e in events)
        {
            var eventDay = days.DayOf(e.Timestamp);
            if (day is not null && eventDay != day)
            {
                Collect(detectors.Report(userId, applied, applied), sessions, unusual, DateOnly.FromDayNumber(day.Value));
            }

            day = eventDay;
            detectors.Apply(e);
            applied++;
        }

        var final = detectors.Report(userId, applied, applied);
        if (day is not null)
        {
            Collect(final, sessions, unusual, DateOnly.FromDayNumber(day.Value));
        }

        return new Result(final, [.. sessions.Values], [.. unusual.Values], state);
    }

    private static void Collect(
        PatternReport report, SortedDictionary<DateTimeOffset, FocusSession> sessions,
        SortedDictionary<DateOnly, UnusualDay> days, DateOnly today)
    {
        foreach (var session in report.Focus.Sessions)
        {
            sessions.TryAdd(session.Start, session);
        }

        foreach (var unusual in report.UnusualDays.Where(u => u.Day == today))
        {
            days.TryAdd(unusual.Day, unusual);
        }
    }
}
