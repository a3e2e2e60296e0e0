namespace Floyo.Reports;

/// <summary>
/// Which days of a user's log changed when: for every UTC day that holds events, the highest sequence number of an
/// event timestamped on that day, as applied by the pattern grain up to <paramref name="Checkpoint"/>. A daily rollup
/// computed when the log was at sequence <c>S</c> is still valid while no day its window covers was touched after
/// <c>S</c>; late arrivals (imports, replayed offline queues) therefore invalidate exactly the days they land on.
/// </summary>
/// <param name="Checkpoint">The last sequence applied; every event up to it is reflected here.</param>
/// <param name="LastSequenceByUtcDay">UTC day → highest sequence timestamped on it.</param>
[GenerateSerializer, Immutable, Alias("floyo.DayTouches")]
public sealed record DayTouches(
    [property: Id(0)] long Checkpoint,
    [property: Id(1)] IReadOnlyDictionary<DateOnly, long> LastSequenceByUtcDay)
{
    /// <summary>The highest sequence timestamped in [<paramref name="from"/>, <paramref name="to"/>), or 0.</summary>
    public long LastSequenceBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var last = 0L;
        for (var day = DateOnly.FromDateTime(from.UtcDateTime); day <= DateOnly.FromDateTime(to.UtcDateTime); day = day.AddDays(1))
        {
            last = Math.Max(last, LastSequenceByUtcDay.GetValueOrDefault(day));
        }

        return last;
    }
}
