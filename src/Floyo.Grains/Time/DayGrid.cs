namespace Floyo.Time;

/// <summary>
/// Consecutive calendar days of a time zone as instants. A day starts at the first instant whose local date is that
/// day: local midnight; where a DST jump skips midnight (e.g. America/Santiago, America/Havana), the instant of the
/// jump; where midnight occurs twice, the first. So days last 23, 24 or 25 hours around DST changes. Built from
/// <see cref="TimeZoneInfo"/> conversions, so it follows the platform's time zone database.
/// </summary>
public sealed class DayGrid
{
    private readonly DateTimeOffset[] starts;

    /// <summary>The days <paramref name="first"/>..<paramref name="last"/> inclusive (<paramref name="last"/> ≥ <paramref name="first"/>).</summary>
    public DayGrid(DateOnly first, DateOnly last, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfLessThan(last, first);
        First = first;
        Zone = zone;
        starts = new DateTimeOffset[last.DayNumber - first.DayNumber + 2];
        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] = StartOfDay(first.AddDays(i), zone);
        }
    }

    public DateOnly First { get; }

    /// <summary>The time zone whose local days the grid divides.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>How many days the grid covers.</summary>
    public int Count => starts.Length - 1;

    /// <summary>The start of the first day (UTC).</summary>
    public DateTimeOffset Start => starts[0];

    /// <summary>The start of the day after the last one (UTC): the grid covers [<see cref="Start"/>, <see cref="End"/>).</summary>
    public DateTimeOffset End => starts[^1];

    public DateOnly Day(int index) => First.AddDays(index);

    /// <summary>The start (UTC) of day <paramref name="index"/>; <see cref="Count"/> gives <see cref="End"/>.</summary>
    public DateTimeOffset StartOf(int index) => starts[index];

    /// <summary>The index of the day holding <paramref name="instant"/>, or -1 outside the grid.</summary>
    public int IndexOf(DateTimeOffset instant)
    {
        if (instant < Start || instant >= End)
        {
            return -1;
        }

        var found = Array.BinarySearch(starts, instant);
        return found >= 0 ? found : ~found - 1;
    }

    /// <summary>The first instant (UTC) of <paramref name="day"/> in <paramref name="zone"/>, by the rule above.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // Midnight skipped by a jump: the first valid local time is the jump's instant (jumps fall on whole minutes).
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        // Midnight twice: the earlier instant has the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
