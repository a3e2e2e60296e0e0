using System.Globalization;

namespace Floyo.Web.Apis.WakaTime;

/// <summary>The date ranges WakaTime's read endpoints accept: explicit <c>start</c>/<c>end</c> days or a named range.</summary>
public static class SummaryRange
{
    /// <summary>Resolves <c>start</c>/<c>end</c> (YYYY-MM-DD) or <c>range</c> ("Today", "Last 7 Days", …) against <paramref name="today"/>.</summary>
    public static (DateOnly Start, DateOnly End)? Resolve(string? start, string? end, string? range, DateOnly today, out string? error)
    {
        error = null;
        if (!string.IsNullOrWhiteSpace(range))
        {
            var named = Named(range.Trim(), today);
            error = named is null ? "Unknown range. Use Today, Yesterday, Last 7 Days, Last 14 Days, Last 30 Days, This Week, Last Week, This Month or Last Month." : null;
            return named;
        }

        if (!TryDay(start, out var from) || !TryDay(end, out var to))
        {
            error = "start and end must be dates (YYYY-MM-DD), or give a range.";
            return null;
        }

        if (to < from)
        {
            error = "end must not be before start.";
            return null;
        }

        return (from, to);
    }

    /// <summary>The named stats ranges (<c>stats/{range}</c>).</summary>
    public static (DateOnly Start, DateOnly End)? Stats(string range, DateOnly today) => range switch
    {
        "last_7_days" => (today.AddDays(-6), today),
        "last_30_days" => (today.AddDays(-29), today),
        "last_6_months" => (today.AddMonths(-6).AddDays(1), today),
        "last_year" or "all_time" => (today.AddDays(-364), today),
        _ => null,
    };

    private static (DateOnly, DateOnly)? Named(string range, DateOnly today)
    {
        var weekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        return range.ToLowerInvariant() switch
        {
            "today" => (today, today),
            "yesterday" => (today.AddDays(-1), today.AddDays(-1)),
            "last 7 days" => (today.AddDays(-6), today),
            "last 7 days from yesterday" => (today.AddDays(-7), today.AddDays(-1)),
            "last 14 days" => (today.AddDays(-13), today),
            "last 30 days" => (today.AddDays(-29), today),
            "this week" => (weekStart, today),
            "last week" => (weekStart.AddDays(-7), weekStart.AddDays(-1)),
            "this month" => (monthStart, today),
            "last month" => (monthStart.AddMonths(-1), monthStart.AddDays(-1)),
            _ => null,
        };
    }

    private static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
