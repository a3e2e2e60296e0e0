using System.Globalization;
using System.Text.Json.Nodes;
using Floyo.Reports;

namespace Floyo.Web.Apis.WakaTime;

/// <summary>WakaTime's ways of writing an amount of time (<c>text</c>, <c>digital</c>, <c>decimal</c>, …).</summary>
public static class WakaTimeDuration
{
    /// <summary>A summary item: name, total_seconds, percent of <paramref name="whole"/>, and every text form.</summary>
    public static JsonObject Item(NamedDuration duration, double whole)
    {
        var item = Total(duration.Seconds, withSeconds: true);
        item["name"] = duration.Name;
        item["percent"] = whole > 0 ? Math.Round(duration.Seconds * 100 / whole, 2) : 0;
        return item;
    }

    /// <summary>total_seconds, hours, minutes, (seconds,) text, digital and decimal.</summary>
    public static JsonObject Total(double totalSeconds, bool withSeconds)
    {
        var whole = (long)Math.Floor(totalSeconds);
        var (hours, minutes, seconds) = (whole / 3600, whole % 3600 / 60, whole % 60);
        var result = new JsonObject
        {
            ["total_seconds"] = Math.Round(totalSeconds, 6),
            ["hours"] = hours,
            ["minutes"] = minutes,
            ["text"] = Text(totalSeconds),
            ["digital"] = withSeconds
                ? string.Create(CultureInfo.InvariantCulture, $"{hours}:{minutes:00}:{seconds:00}")
                : string.Create(CultureInfo.InvariantCulture, $"{hours}:{minutes:00}"),
            ["decimal"] = (totalSeconds / 3600).ToString("0.00", CultureInfo.InvariantCulture),
        };
        if (withSeconds)
        {
            result["seconds"] = seconds;
        }

        return result;
    }

    /// <summary>"2 hrs 17 mins", "1 hr 5 mins", "7 secs", "0 secs".</summary>
    public static string Text(double totalSeconds)
    {
        var whole = (long)Math.Floor(totalSeconds);
        var (hours, minutes) = (whole / 3600, whole % 3600 / 60);
        if (hours == 0 && minutes == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{whole} sec{(whole == 1 ? "" : "s")}");
        }

        var parts = new List<string>();
        if (hours > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{hours} hr{(hours == 1 ? "" : "s")}"));
        }

        if (minutes > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{minutes} min{(minutes == 1 ? "" : "s")}"));
        }

        return string.Join(' ', parts);
    }
}
