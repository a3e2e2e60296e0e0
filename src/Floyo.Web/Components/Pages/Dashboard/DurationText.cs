using System.Globalization;

namespace Floyo.Web.Components.Pages.Dashboard;

/// <summary>How the dashboard writes durations: "2 h 05 min", "12 min", "40 s".</summary>
public static class DurationText
{
    public static string Format(double seconds)
    {
        var total = TimeSpan.FromSeconds(Math.Max(0, Math.Round(seconds)));
        return total.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)total.TotalHours} h {total.Minutes:00} min")
            : total.TotalMinutes >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{(int)total.TotalMinutes} min")
                : string.Create(CultureInfo.InvariantCulture, $"{total.Seconds} s");
    }

    /// <summary>A share of a whole as a whole percentage, e.g. "42 %".</summary>
    public static string Percent(double part, double whole) =>
        whole <= 0 ? "0 %" : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(100 * part / whole)} %");
}
