using Floyo.Activity;
using Floyo.Reports;

namespace Floyo.Time.Rollups;

/// <summary>
/// Answers "the tallies of these local days" from the daily rollups, recomputing from the event log only the days
/// whose rollup is missing or stale, and storing what it recomputed. A stored rollup of day D is valid while no event
/// timestamped within D's read window (the day widened by the keystroke timeout on both sides, see
/// <see cref="DailyReportBuilder"/>) has a sequence above the one the rollup was computed at (<see cref="DayTouches"/>).
/// A year of history therefore costs one indexed read of 365 rows once the rollups exist, and a late import costs a
/// recomputation of exactly the days it landed on.
/// </summary>
public sealed class RollupReader(IDayRollupStore store, IEventLog eventLog)
{
    /// <summary>
    /// Tallies for every day of <paramref name="grid"/>, in order; with <see cref="RollupDetail.Totals"/> the days read
    /// from storage come without breakdowns (recomputed days have theirs).
    /// </summary>
    public async Task<IReadOnlyList<DayTally>> ReadAsync(
        Guid userId,
        DayGrid grid,
        TimeSpan keystrokeTimeout,
        DayTouches touches,
        RollupDetail detail,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(touches);
        var key = RollupKey.Of(grid.Zone, keystrokeTimeout);
        var stored = (await store.ReadAsync(userId, key, grid.First, grid.Day(grid.Count - 1), detail, cancellationToken))
            .ToDictionary(r => r.Tally.Day);
        var tallies = new DayTally?[grid.Count];
        for (var i = 0; i < grid.Count; i++)
        {
            if (stored.TryGetValue(grid.Day(i), out var rollup)
                && IsCurrent(rollup.ThroughSequence, grid.StartOf(i), grid.StartOf(i + 1), keystrokeTimeout, touches))
            {
                tallies[i] = rollup.Tally;
            }
        }

        var recomputed = new List<StoredDayRollup>();
        foreach (var (first, last) in StaleRuns(tallies))
        {
            var run = new DayGrid(grid.Day(first), grid.Day(last), grid.Zone);
            var builder = new DailyReportBuilder(run, keystrokeTimeout, ReportFilter.None);
            await foreach (var e in eventLog.ReadRangeInWindowsAsync(userId, builder.ReadFrom, builder.ReadTo, cancellationToken))
            {
                builder.Add(e);
            }

            foreach (var tally in builder.BuildTallies())
            {
                tallies[tally.Day.DayNumber - grid.First.DayNumber] = tally;
                recomputed.Add(new StoredDayRollup(tally, touches.Checkpoint));
            }
        }

        await store.WriteAsync(userId, key, recomputed, cancellationToken);
        return tallies!;
    }

    /// <summary>
    /// Whether a rollup of the days [<paramref name="start"/>, <paramref name="end"/>) computed through
    /// <paramref name="throughSequence"/> still holds: no event that its read window (widened by the timeout) covers
    /// came later.
    /// </summary>
    public static bool IsCurrent(long throughSequence, DateTimeOffset start, DateTimeOffset end, TimeSpan keystrokeTimeout, DayTouches touches)
    {
        ArgumentNullException.ThrowIfNull(touches);
        return throughSequence >= touches.LastSequenceBetween(start - keystrokeTimeout, end + keystrokeTimeout);
    }

    private static IEnumerable<(int First, int Last)> StaleRuns(DayTally?[] tallies)
    {
        for (var i = 0; i < tallies.Length; i++)
        {
            if (tallies[i] is not null)
            {
                continue;
            }

            var first = i;
            while (i + 1 < tallies.Length && tallies[i + 1] is null)
            {
                i++;
            }

            yield return (first, i);
        }
    }
}
