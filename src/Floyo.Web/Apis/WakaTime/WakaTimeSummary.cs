using System.Globalization;
using System.Text.Json.Nodes;
using Floyo.Reports;

namespace Floyo.Web.Apis.WakaTime;

/// <summary>Turns Floyo's day reports into WakaTime's summary objects.</summary>
public static class WakaTimeSummary
{
    public static readonly IReadOnlyDictionary<ReportDimension, string> Keys = new Dictionary<ReportDimension, string>
    {
        [ReportDimension.Projects] = "projects",
        [ReportDimension.Languages] = "languages",
        [ReportDimension.Editors] = "editors",
        [ReportDimension.OperatingSystems] = "operating_systems",
        [ReportDimension.Machines] = "machines",
        [ReportDimension.Categories] = "categories",
        [ReportDimension.Branches] = "branches",
        [ReportDimension.Dependencies] = "dependencies",
        [ReportDimension.Entities] = "entities",
    };

    /// <summary>One day: grand_total, a list per dimension, and the range in the report's time zone.</summary>
    public static JsonObject Day(DayReport day, string timeZone, bool withEntities)
    {
        var summary = new JsonObject { ["grand_total"] = WakaTimeDuration.Total(day.TotalSeconds, withSeconds: false) };
        AddBreakdowns(summary, day.Breakdown, day.TotalSeconds, withEntities);
        summary["range"] = Range(day.Day, day.Day, timeZone);
        return summary;
    }

    /// <summary>Adds one list per dimension (total_seconds, percent of <paramref name="whole"/>, text forms).</summary>
    public static void AddBreakdowns(JsonObject target, IReadOnlyDictionary<ReportDimension, IReadOnlyList<NamedDuration>> breakdown, double whole, bool withEntities)
    {
        foreach (var (dimension, key) in Keys)
        {
            if (dimension == ReportDimension.Entities && !withEntities)
            {
                continue;
            }

            var items = breakdown.GetValueOrDefault(dimension) ?? [];
            target[key] = new JsonArray([.. items.Select(d => (JsonNode)WakaTimeDuration.Item(Display(dimension, d), whole))]);
        }
    }

    /// <summary>Sums several days per dimension and name (for stats over a range).</summary>
    public static Dictionary<ReportDimension, IReadOnlyList<NamedDuration>> Sum(IEnumerable<DayReport> days) =>
        days.SelectMany(d => d.Breakdown)
            .GroupBy(kv => kv.Key)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<NamedDuration>)[.. g.SelectMany(kv => kv.Value)
                    .GroupBy(n => n.Name, StringComparer.Ordinal)
                    .Select(n => new NamedDuration(n.Key, n.Sum(x => x.Seconds)))
                    .OrderByDescending(n => n.Seconds).ThenBy(n => n.Name, StringComparer.Ordinal)]);

    public static JsonObject Range(DateOnly start, DateOnly end, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        return new JsonObject
        {
            ["date"] = start == end ? start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            ["start"] = Iso(StartOf(start, zone)),
            ["end"] = Iso(StartOf(end.AddDays(1), zone).AddSeconds(-1)),
            ["text"] = start == end
                ? start.ToString("ddd MMM d yyyy", CultureInfo.InvariantCulture)
                : $"from {start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} until {end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
            ["timezone"] = timeZone,
        };
    }

    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static string Iso(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>Categories are stored in lower case; WakaTime shows them capitalised ("Writing Tests", "AI Coding").</summary>
    private static NamedDuration Display(ReportDimension dimension, NamedDuration duration)
    {
        if (dimension != ReportDimension.Categories)
        {
            return duration;
        }

        var title = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(duration.Name);
        return duration with { Name = title.StartsWith("Ai ", StringComparison.Ordinal) ? "AI " + title[3..] : title };
    }
}
