namespace Floyo.Patterns.Detectors;

/// <summary>Days and minutes of the day in the user's time zone (daily figures, focus days, weekly mixes).</summary>
public sealed class LocalDays(TimeZoneInfo zone)
{
    public static LocalDays Utc { get; } = new(TimeZoneInfo.Utc);

    /// <summary>The local day number (<see cref="DateOnly.DayNumber"/>).</summary>
    public int DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime).DayNumber;

    /// <summary>Minutes since local midnight.</summary>
    public int MinuteOf(DateTimeOffset at) => (int)TimeZoneInfo.ConvertTime(at, zone).TimeOfDay.TotalMinutes;
}
