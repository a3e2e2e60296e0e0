using System.Globalization;

namespace Floyo.Time;

/// <summary>The limits on the days a report may cover.</summary>
public static class ReportRange
{
    /// <summary>Most days one report covers (a leap year).</summary>
    public const int MaxDays = 366;

    /// <summary>Earliest day a report may ask for (no event is older than the Unix epoch).</summary>
    public static readonly DateOnly Earliest = new(1970, 1, 1);

    /// <summary>Latest day a report may ask for (keeps every day boundary and read window representable).</summary>
    public static readonly DateOnly Latest = new(9998, 12, 31);

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="start"/> ≤ <paramref name="end"/>, the range has at
    /// most <see cref="MaxDays"/> days and lies within <see cref="Earliest"/>..<see cref="Latest"/>.
    /// </summary>
    public static void Validate(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentException($"The report ends ({Format(end)}) before it starts ({Format(start)}).", nameof(end));
        }

        var days = end.DayNumber - start.DayNumber + 1;
        if (days > MaxDays)
        {
            throw new ArgumentException(
                $"A report covers at most {MaxDays} days; {Format(start)}..{Format(end)} is {days} days.", nameof(end));
        }

        if (start < Earliest || end > Latest)
        {
            throw new ArgumentException($"Report days must lie within {Format(Earliest)}..{Format(Latest)}.", nameof(start));
        }
    }

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
