using Floyo.Activity;
using Floyo.Reports;

namespace Floyo.Time;

/// <summary>
/// One day's continuous stretches of activity sliced by a dimension, like WakaTime's durations. Feed it every event of
/// [<see cref="ReadFrom"/>, <see cref="ReadTo"/>) in time order through <see cref="Add"/>, then call <see cref="Build"/>.
/// The rules:
/// <list type="number">
/// <item>A stretch is keyed by a name of the slice dimension (<see cref="EventNames"/>) and the event's project: every
/// stretch stays within one project, so its <see cref="DurationSpan.Project"/> is well defined (null: no project).
/// An event with several dependencies is in one stretch per dependency; one with none is in no dependency stretch.</item>
/// <item>An event continues a stretch when the event right before it in the stream carried the same key and came
/// within the keystroke timeout of it; otherwise it starts a new stretch at its timestamp. A stretch therefore ends at a
/// change of key, or at a pause at or above the timeout.</item>
/// <item>A stretch lasts from its first event to its last event plus that event's gap to the next event when the gap is
/// below the timeout: exactly the sum of the gaps attributed to its events, as in <see cref="DailyReportBuilder"/>.</item>
/// <item>Stretches are clipped to the day; those with nothing left (a lone event, or lying outside the day) are
/// dropped. The result is ordered by start, then name, then project (ordinal); <see cref="DurationSpan.Start"/> is
/// expressed in the report's time zone.</item>
/// </list>
/// </summary>
public sealed class DurationsBuilder
{
    private readonly DayGrid day;
    private readonly TimeZoneInfo zone;
    private readonly ReportDimension sliceBy;
    private readonly GapWalker walker;
    private readonly List<Stretch> stretches = [];
    private Dictionary<(string Name, string? Project), Stretch> open = [];
    private Dictionary<(string Name, string? Project), Stretch> joined = [];

    public DurationsBuilder(DateOnly day, TimeZoneInfo zone, TimeSpan keystrokeTimeout, ReportDimension sliceBy)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!Enum.IsDefined(sliceBy))
        {
            throw new ArgumentException($"Unknown dimension {sliceBy}.", nameof(sliceBy));
        }

        this.day = new DayGrid(day, day, zone);
        this.zone = zone;
        this.sliceBy = sliceBy;
        walker = new GapWalker(keystrokeTimeout);
        ReadFrom = this.day.Start - keystrokeTimeout;
        ReadTo = this.day.End + keystrokeTimeout;
    }

    /// <summary>The earliest event that can matter (inclusive).</summary>
    public DateTimeOffset ReadFrom { get; }

    /// <summary>Later events cannot matter (exclusive).</summary>
    public DateTimeOffset ReadTo { get; }

    /// <summary>Takes the next event in time order.</summary>
    public void Add(ActivityEvent e)
    {
        if (walker.Next(e) is { } gap)
        {
            Extend(gap);
        }
    }

    /// <summary>The day's stretches, clipped and ordered; call once, after the last event.</summary>
    public IReadOnlyList<DurationSpan> Build()
    {
        if (walker.Finish() is { } last)
        {
            Extend(last);
        }

        open.Clear();
        return [.. stretches
            .Select(s => (s.Name, s.Project, Start: Max(s.Start, day.Start), End: Min(s.End, day.End)))
            .Where(s => s.End > s.Start)
            .OrderBy(s => s.Start)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ThenBy(s => s.Project, StringComparer.Ordinal)
            .Select(s => new DurationSpan(s.Name, TimeZoneInfo.ConvertTime(s.Start, zone), DayTally.Seconds((s.End - s.Start).Ticks), s.Project))];
    }

    /// <summary>Puts the gap's event into its stretches; only stretches it joins to the next event stay open.</summary>
    private void Extend(ActiveGap gap)
    {
        joined.Clear();
        foreach (var name in EventNames.Of(gap.Event, sliceBy))
        {
            var key = (name, gap.Event.Project);
            if (!open.TryGetValue(key, out var stretch))
            {
                stretch = new Stretch(name, gap.Event.Project, gap.Start);
                stretches.Add(stretch);
            }

            stretch.End = gap.End;
            if (gap.Joined)
            {
                joined[key] = stretch;
            }
        }

        (open, joined) = (joined, open);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed class Stretch(string name, string? project, DateTimeOffset start)
    {
        public string Name { get; } = name;

        public string? Project { get; } = project;

        public DateTimeOffset Start { get; } = start;

        public DateTimeOffset End { get; set; } = start;
    }
}
