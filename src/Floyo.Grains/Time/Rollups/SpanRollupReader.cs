using Floyo.Reports;

namespace Floyo.Time.Rollups;

/// <summary>
/// Answers "the breakdown of this range" (time per project, language, file, …) with a few tallies whose sum is the
/// range's, instead of one per day: a stored span rollup for every day but the last <see cref="TailDays"/>, plus the
/// daily rollups of those. Summing a year of daily breakdowns means reading every file name of every day; the span holds
/// each name once. The tail is kept apart because it changes while the user works: a day's window reaches a keystroke
/// timeout into the next UTC day, so in any time zone today's events never touch the span's window, and it stays valid
/// until an import or a replayed queue lands in it.
/// <para>
/// A stored span is reused when it covers the same days and is current (<see cref="RollupReader.IsCurrent"/>). When
/// the range has moved on (tomorrow, the same range length starts a day later), a current span of the same length is
/// slid: the days it no longer covers are subtracted and the new ones added, from their daily rollups. Otherwise the span
/// is summed from its daily rollups. Either way the result is stored, stamped with the touches' checkpoint, since every
/// part it came from was current as of that checkpoint.
/// </para>
/// </summary>
public sealed class SpanRollupReader(IDayRollupStore store, RollupReader days)
{
    /// <summary>The last days of a range that are read day by day, not from the span.</summary>
    public const int TailDays = 2;

    /// <summary>Tallies whose sum is the breakdown of every day of <paramref name="grid"/> (the first may be a span's).</summary>
    public async Task<IReadOnlyList<DayTally>> ReadAsync(
        Guid userId,
        DayGrid grid,
        TimeSpan keystrokeTimeout,
        DayTouches touches,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (grid.Count <= TailDays + 1)
        {
            return await days.ReadAsync(userId, grid, keystrokeTimeout, touches, RollupDetail.Breakdown, cancellationToken);
        }

        var last = grid.Day(grid.Count - 1);
        var spanLast = last.AddDays(-TailDays);
        var tail = await ReadDaysAsync(userId, spanLast.AddDays(1), last, grid.Zone, keystrokeTimeout, touches, cancellationToken);
        var span = await SpanAsync(userId, grid.First, spanLast, grid.Zone, keystrokeTimeout, touches, cancellationToken);
        return [span, .. tail];
    }

    private async Task<DayTally> SpanAsync(
        Guid userId,
        DateOnly first,
        DateOnly last,
        TimeZoneInfo zone,
        TimeSpan keystrokeTimeout,
        DayTouches touches,
        CancellationToken cancellationToken)
    {
        var key = RollupKey.Of(zone, keystrokeTimeout);
        var length = last.DayNumber - first.DayNumber + 1;
        var stored = await store.ReadSpanAsync(userId, key, length, cancellationToken);
        var usable = stored is not null
            && RollupReader.IsCurrent(stored.ThroughSequence, DayGrid.StartOfDay(stored.First, zone), DayGrid.StartOfDay(stored.Last.AddDays(1), zone), keystrokeTimeout, touches);
        if (usable && stored!.First == first)
        {
            return stored.Tally;
        }

        var tally = new DayTally(first);
        if (usable && Math.Abs(stored!.First.DayNumber - first.DayNumber) < length)
        {
            tally.Add(stored.Tally);
            foreach (var (from, to) in Outside(stored.First, stored.Last, first, last))
            {
                SubtractAll(tally, await ReadDaysAsync(userId, from, to, zone, keystrokeTimeout, touches, cancellationToken));
            }

            foreach (var (from, to) in Outside(first, last, stored.First, stored.Last))
            {
                AddAll(tally, await ReadDaysAsync(userId, from, to, zone, keystrokeTimeout, touches, cancellationToken));
            }
        }
        else
        {
            AddAll(tally, await ReadDaysAsync(userId, first, last, zone, keystrokeTimeout, touches, cancellationToken));
        }

        await store.WriteSpanAsync(userId, key, new StoredSpanRollup(first, last, tally, touches.Checkpoint), cancellationToken);
        return tally;
    }

    private Task<IReadOnlyList<DayTally>> ReadDaysAsync(
        Guid userId,
        DateOnly first,
        DateOnly last,
        TimeZoneInfo zone,
        TimeSpan keystrokeTimeout,
        DayTouches touches,
        CancellationToken cancellationToken) =>
        days.ReadAsync(userId, new DayGrid(first, last, zone), keystrokeTimeout, touches, RollupDetail.Breakdown, cancellationToken);

    /// <summary>The runs of days of <paramref name="first"/>..<paramref name="last"/> outside <paramref name="otherFirst"/>..<paramref name="otherLast"/> (two ranges that overlap).</summary>
    private static IEnumerable<(DateOnly From, DateOnly To)> Outside(DateOnly first, DateOnly last, DateOnly otherFirst, DateOnly otherLast)
    {
        if (first < otherFirst)
        {
            yield return (first, otherFirst.AddDays(-1));
        }

        if (last > otherLast)
        {
            yield return (otherLast.AddDays(1), last);
        }
    }

    private static void AddAll(DayTally sum, IEnumerable<DayTally> parts)
    {
        foreach (var part in parts)
        {
            sum.Add(part);
        }
    }

    private static void SubtractAll(DayTally sum, IEnumerable<DayTally> parts)
    {
        foreach (var part in parts)
        {
            sum.Subtract(part);
        }
    }
}
