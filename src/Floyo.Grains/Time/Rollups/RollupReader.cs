using Floyo.Activity;
using Floyo.Reports;

namespace Floyo.Time.Rollups;

/// <summary>
/// Answers "the tallies of these local days" from the daily rollups, recomputing from the event log only the days
/// whose rollup is missing or stale, and storing what it recomputed. A stored rollup of day D is valid while no event
/// timestamped within D's read window (the day widened by the keystroke timeout on both sides, see
/// <see cref="DailyReportBuilder"/>) has a sequence above the one the rollup was computed at (<see cref="DayTouches"/>).
/// A year of history therefore costs one indexed read of 365 rows once the rollups exist, and a late import costs a
/// recomputation of exactly the days it landed on. Each day's rollup is stored with the day's tallies per project and
/// per language (<see cref="RollupScope"/>), so a filter on one of them reads rollups too (<see cref="ReadScopeAsync"/>).
/// </summary>
public sealed class RollupReader(IDayRollupStore store, IEventLog eventLog)
{
    /// <summary>
    /// Tallies for every day of <paramref name="grid"/>, in order; with <see cref="RollupDetail.Totals"/> the days read
    /// from storage come without breakdowns (recomputed days have theirs).
    /// </summary>
    public Task<IReadOnlyList<DayTally>> ReadAsync(
        Guid userId,
        DayGrid grid,
        TimeSpan keystrokeTimeout,
        DayTouches touches,
        RollupDetail detail,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return ReadAsync(
            grid,
            keystrokeTimeout,
            touches,
            key => store.ReadAsync(userId, key, grid.First, grid.Day(grid.Count - 1), detail, cancellationToken),
            rollup => rollup.Tally,
            userId,
            cancellationToken);
    }

    /// <summary>Like <see cref="ReadAsync(Guid, DayGrid, TimeSpan, DayTouches, RollupDetail, CancellationToken)"/>, the time of one project or language only.</summary>
    public Task<IReadOnlyList<DayTally>> ReadScopeAsync(
        Guid userId,
        DayGrid grid,
        TimeSpan keystrokeTimeout,
        DayTouches touches,
        RollupScope scope,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return ReadAsync(
            grid,
            keystrokeTimeout,
            touches,
            key => store.ReadScopeAsync(userId, key, grid.First, grid.Day(grid.Count - 1), scope, cancellationToken),
            rollup => rollup.Scopes?.GetValueOrDefault(scope) ?? new DayTally(rollup.Tally.Day),
            userId,
            cancellationToken);
    }

    private async Task<IReadOnlyList<DayTally>> ReadAsync(
        DayGrid grid,
        TimeSpan keystrokeTimeout,
        DayTouches touches,
        Func<RollupKey, Task<IReadOnlyList<StoredDayRollup>>> readStored,
        Func<StoredDayRollup, DayTally> pickRecomputed,
        Guid userId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(touches);
        var key = RollupKey.Of(grid.Zone, keystrokeTimeout);
        var stored = (await readStored(key)).ToDictionary(r => r.Tally.Day);
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
            var builder = new DailyReportBuilder(run, keystrokeTimeout, ReportFilter.None) { CollectScopes = true };
            await foreach (var e in eventLog.ReadRangeInWindowsAsync(userId, builder.ReadFrom, builder.ReadTo, cancellationToken))
            {
                builder.Add(e);
            }

            var scopes = builder.BuildScopes();
            foreach (var (tally, index) in builder.BuildTallies().Select((t, i) => (t, i)))
            {
                var rollup = new StoredDayRollup(tally, touches.Checkpoint, scopes[index]);
                tallies[tally.Day.DayNumber - grid.First.DayNumber] = pickRecomputed(rollup);
                recomputed.Add(rollup);
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
