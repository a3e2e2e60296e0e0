using Floyo.Activity;
using Floyo.Reports;

namespace Floyo.Time;

/// <summary>
/// Active time per day, with breakdowns, for days <c>first..last</c> of a time zone (see <see cref="DayGrid"/>).
/// Feed it every event of [<see cref="ReadFrom"/>, <see cref="ReadTo"/>) in time order through <see cref="Add"/>, then
/// call <see cref="Build"/>. The rules:
/// <list type="number">
/// <item>Each event's gap to the next event (see <see cref="GapWalker"/>) is active time when it is below the keystroke
/// timeout, attributed wholly to the earlier event; a gap at or above the timeout, and the last event, add nothing.
/// Events of every kind count alike (heartbeats, file events, builds, …).</item>
/// <item>A gap counts only when its earlier event passes the <see cref="ReportFilter"/>. Gaps are measured on the
/// unfiltered stream, so a filtered report's total equals that project's (branch's) entry in the unfiltered report.</item>
/// <item>A gap is clipped to the range and split at day and local hour boundaries, each part going to its own day
/// and hour (the hours feed the hour × weekday heatmap).</item>
/// <item>Every counted part adds to the day's total and to each name the event counts under (<see cref="EventNames"/>):
/// one per dimension, and each distinct dependency, so dependencies may add up to more than the total.</item>
/// </list>
/// The read window is widened by the timeout on both sides because a gap is shorter than the timeout: a gap that
/// reaches into the first day starts at most a timeout before it, and the event that ends the last day's last gap lies
/// at most a timeout after it. Events outside the window cannot change the result.
/// </summary>
public sealed class DailyReportBuilder
{
    private readonly DayGrid grid;
    private readonly ReportFilter filter;
    private readonly GapWalker walker;
    private readonly DayTally[] days;
    private Dictionary<Rollups.RollupScope, DayTally>[]? scopes;

    public DailyReportBuilder(DayGrid grid, TimeSpan keystrokeTimeout, ReportFilter filter)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(filter);
        this.grid = grid;
        this.filter = filter;
        walker = new GapWalker(keystrokeTimeout);
        days = [.. Enumerable.Range(0, grid.Count).Select(i => new DayTally(grid.Day(i)))];
        ReadFrom = grid.Start - keystrokeTimeout;
        ReadTo = grid.End + keystrokeTimeout;
    }

    /// <summary>Whether to keep each day's per-project and per-language tallies too (<see cref="BuildScopes"/>).</summary>
    public bool CollectScopes
    {
        get => scopes is not null;
        init => scopes = value ? [.. days.Select(_ => new Dictionary<Rollups.RollupScope, DayTally>())] : null;
    }

    /// <summary>The earliest event that can matter (inclusive).</summary>
    public DateTimeOffset ReadFrom { get; }

    /// <summary>Later events cannot matter (exclusive).</summary>
    public DateTimeOffset ReadTo { get; }

    /// <summary>Takes the next event in time order.</summary>
    public void Add(ActivityEvent e)
    {
        if (walker.Next(e) is { } gap && gap.Length > TimeSpan.Zero && filter.Matches(gap.Event))
        {
            Count(gap);
        }
    }

    /// <summary>One report per day, in order, empty days included.</summary>
    public IReadOnlyList<DayReport> Build() => [.. days.Select(tally => tally.ToReport())];

    /// <summary>The raw tallies, one per day of the grid (what the daily rollups store).</summary>
    public IReadOnlyList<DayTally> BuildTallies() => days;

    /// <summary>Per day of the grid, the tally of every project and language with time that day (needs <see cref="CollectScopes"/>).</summary>
    public IReadOnlyList<IReadOnlyDictionary<Rollups.RollupScope, DayTally>> BuildScopes() =>
        scopes ?? throw new InvalidOperationException("Scopes were not collected.");

    private void Count(ActiveGap gap)
    {
        var from = gap.Start > grid.Start ? gap.Start : grid.Start;
        var to = gap.End < grid.End ? gap.End : grid.End;
        while (from < to)
        {
            var index = grid.IndexOf(from);
            var dayEnd = grid.StartOf(index + 1);
            var local = TimeZoneInfo.ConvertTime(from, grid.Zone);
            var hourEnd = from + (TimeSpan.FromHours(1) - TimeSpan.FromTicks(local.TimeOfDay.Ticks % TimeSpan.TicksPerHour));
            var partEnd = Earliest(to, dayEnd, hourEnd);
            days[index].Add(gap.Event, local.Hour, (partEnd - from).Ticks);
            if (scopes is not null)
            {
                var (project, language) = Rollups.RollupScope.Of(gap.Event);
                Scoped(index, project).Add(gap.Event, local.Hour, (partEnd - from).Ticks);
                Scoped(index, language).Add(gap.Event, local.Hour, (partEnd - from).Ticks);
            }

            from = partEnd;
        }
    }

    private DayTally Scoped(int index, Rollups.RollupScope scope)
    {
        var byScope = scopes![index];
        if (!byScope.TryGetValue(scope, out var tally))
        {
            byScope[scope] = tally = new DayTally(days[index].Day);
        }

        return tally;
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b, DateTimeOffset c)
    {
        var earlier = a < b ? a : b;
        return earlier < c ? earlier : c;
    }
}
