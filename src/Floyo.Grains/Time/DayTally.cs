using System.Runtime.InteropServices;
using Floyo.Activity;
using Floyo.Reports;

namespace Floyo.Time;

/// <summary>
/// One local day's accumulated time, in ticks (exact; converted to seconds only when built): the total, the total per
/// local hour of the day, and the total per name in every <see cref="ReportDimension"/>. It is also the unit the
/// daily rollups store (see <see cref="Rollups.IDayRollupStore"/>), so a year of history is 365 of these.
/// </summary>
public sealed class DayTally
{
    public const int HoursPerDay = 24;

    public DayTally(DateOnly day)
    {
        Day = day;
        Breakdown = EventNames.Dimensions.ToDictionary(d => d, _ => new Dictionary<string, long>(StringComparer.Ordinal));
    }

    public DateOnly Day { get; }

    public long TotalTicks { get; private set; }

    /// <summary>Ticks per local hour of the day (index 0 is midnight to 1 am; a skipped hour stays 0).</summary>
    public long[] HourTicks { get; } = new long[HoursPerDay];

    /// <summary>Ticks per name, per dimension; every dimension is present.</summary>
    public Dictionary<ReportDimension, Dictionary<string, long>> Breakdown { get; }

    /// <summary>Adds <paramref name="ticks"/> spent at local hour <paramref name="hour"/> to every name <paramref name="e"/> counts under.</summary>
    public void Add(ActivityEvent e, int hour, long ticks)
    {
        TotalTicks += ticks;
        HourTicks[hour] += ticks;
        foreach (var (dimension, names) in Breakdown)
        {
            if (dimension != ReportDimension.Dependencies)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(names, EventNames.Single(e, dimension), out _) += ticks;
                continue;
            }

            foreach (var name in EventNames.Of(e, dimension))
            {
                CollectionsMarshal.GetValueRefOrAddDefault(names, name, out _) += ticks;
            }
        }
    }

    /// <summary>Adds every tick of <paramref name="other"/> (another day's, or a span's) to this tally.</summary>
    public void Add(DayTally other) => Combine(other, 1);

    /// <summary>
    /// Takes back every tick of <paramref name="other"/>, which must be part of what this tally holds (a day of a span);
    /// names left with no time go. Ticks are integers, so adding and then subtracting a day gives the exact tally back.
    /// </summary>
    public void Subtract(DayTally other) => Combine(other, -1);

    private void Combine(DayTally other, int sign)
    {
        ArgumentNullException.ThrowIfNull(other);
        TotalTicks += sign * other.TotalTicks;
        for (var hour = 0; hour < HoursPerDay; hour++)
        {
            HourTicks[hour] += sign * other.HourTicks[hour];
        }

        foreach (var (dimension, names) in other.Breakdown)
        {
            var mine = Breakdown[dimension];
            foreach (var (name, ticks) in names)
            {
                ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(mine, name, out _);
                sum += sign * ticks;
                if (sum == 0)
                {
                    mine.Remove(name);
                }
            }
        }
    }

    /// <summary>Rebuilds a stored tally (see the rollup stores); unknown dimensions are ignored.</summary>
    public static DayTally Restore(
        DateOnly day,
        long totalTicks,
        ReadOnlySpan<long> hourTicks,
        IReadOnlyDictionary<ReportDimension, Dictionary<string, long>> breakdown)
    {
        ArgumentNullException.ThrowIfNull(breakdown);
        var tally = new DayTally(day) { TotalTicks = totalTicks };
        hourTicks[..HoursPerDay].CopyTo(tally.HourTicks);
        foreach (var (dimension, names) in breakdown)
        {
            if (tally.Breakdown.TryGetValue(dimension, out var restored))
            {
                foreach (var (name, ticks) in names)
                {
                    restored[name] = ticks;
                }
            }
        }

        return tally;
    }

    public DayReport ToReport() => new(
        Day,
        Seconds(TotalTicks),
        Breakdown.ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyList<NamedDuration>)[.. pair.Value
                .OrderByDescending(n => n.Value)
                .ThenBy(n => n.Key, StringComparer.Ordinal)
                .Select(n => new NamedDuration(n.Key, Seconds(n.Value)))]));

    public static double Seconds(long ticks) => (double)ticks / TimeSpan.TicksPerSecond;
}
