using System.Globalization;
using System.Text.Json.Nodes;
using Floyo.Reports;
using Floyo.Web.Auth;
using Floyo.Web.Services;

namespace Floyo.Web.Apis.WakaTime;

/// <summary>WakaTime's read endpoints over Floyo's time reports: summaries, stats, durations and the status bar.</summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReports(this RouteGroupBuilder user, string nameSuffix)
    {
        user.MapGet("/summaries", SummariesAsync).WithName("WakaTimeSummaries" + nameSuffix)
            .WithSummary("Daily summaries for a date range (WakaTime format)")
            .WithDescription("Query: start and end (YYYY-MM-DD) or range (e.g. 'Last 7 Days'); optional project, branches, timezone.");
        user.MapGet("/stats/{range}", StatsAsync).WithName("WakaTimeStats" + nameSuffix)
            .WithSummary("Totals for a named range (WakaTime format)")
            .WithDescription("range: last_7_days, last_30_days, last_6_months, last_year, all_time (all_time covers the last 365 days for now).");
        user.MapGet("/durations", DurationsAsync).WithName("WakaTimeDurations" + nameSuffix)
            .WithSummary("A day's continuous stretches of activity (WakaTime format)")
            .WithDescription("Query: date (YYYY-MM-DD, default today); optional slice_by (project, entity, language, editor, operating_system, machine, category, branch, dependencies), timezone.");
        user.MapGet("/statusbar/today", StatusBarAsync).WithName("WakaTimeStatusBarToday" + nameSuffix)
            .WithSummary("Today's totals for editor status bars (WakaTime format)");
        return user;
    }

    private static async Task<IResult> SummariesAsync(
        HttpContext http, ReportService reports, TimeProvider clock,
        string? start, string? end, string? range, string? project, string? branches, string? timezone)
    {
        var userId = http.User.GetUserId();
        if (!TimeZones.IsValidOrNull(timezone))
        {
            return WakaTimeResults.Error(StatusCodes.Status400BadRequest, "Unknown timezone.");
        }

        var today = await reports.TodayAsync(userId, timezone, clock);
        if (SummaryRange.Resolve(start, end, range, today, out var error) is not { } days)
        {
            return WakaTimeResults.Error(StatusCodes.Status400BadRequest, error!);
        }

        var report = await reports.GetReportAsync(userId, new ReportQuery(days.Start, days.End, timezone, project, FirstBranch(branches)));
        var total = report.Days.Sum(d => d.TotalSeconds);
        return Results.Json(new JsonObject
        {
            ["data"] = new JsonArray([.. report.Days.Select(d => (JsonNode)WakaTimeSummary.Day(d, report.TimeZone, withEntities: project is not null))]),
            ["start"] = WakaTimeSummary.Iso(report.Start),
            ["end"] = WakaTimeSummary.Iso(report.End),
            ["cumulative_total"] = Cumulative(total),
            ["daily_average"] = DailyAverage(report.Days),
        });
    }

    private static async Task<IResult> StatsAsync(HttpContext http, ReportService reports, TimeProvider clock, string range, string? timezone, string? project)
    {
        var userId = http.User.GetUserId();
        if (!TimeZones.IsValidOrNull(timezone))
        {
            return WakaTimeResults.Error(StatusCodes.Status400BadRequest, "Unknown timezone.");
        }

        var today = await reports.TodayAsync(userId, timezone, clock);
        if (SummaryRange.Stats(range, today) is not { } days)
        {
            return WakaTimeResults.Error(StatusCodes.Status404NotFound, "Unknown range. Use last_7_days, last_30_days, last_6_months, last_year or all_time.");
        }

        var report = await reports.GetReportAsync(userId, new ReportQuery(days.Start, days.End, timezone, project));
        var settings = await reports.GetSettingsAsync(userId);
        return Results.Json(new JsonObject { ["data"] = StatsBody(userId, range, report, settings.KeystrokeTimeout) });
    }

    private static JsonObject StatsBody(Guid userId, string range, TimeReport report, TimeSpan timeout)
    {
        var total = report.Days.Sum(d => d.TotalSeconds);
        var activeDays = report.Days.Count(d => d.TotalSeconds > 0);
        var average = activeDays > 0 ? total / activeDays : 0;
        var best = report.Days.OrderByDescending(d => d.TotalSeconds).FirstOrDefault(d => d.TotalSeconds > 0);
        var body = new JsonObject
        {
            ["id"] = userId.ToString("D"),
            ["user_id"] = userId.ToString("D"),
            ["range"] = range,
            ["start"] = WakaTimeSummary.Iso(report.Start),
            ["end"] = WakaTimeSummary.Iso(report.End),
            ["timezone"] = report.TimeZone,
            ["timeout"] = (int)timeout.TotalMinutes,
            ["writes_only"] = false,
            ["status"] = "ok",
            ["is_up_to_date"] = true,
            ["is_cached"] = false,
            ["percent_calculated"] = 100,
            ["total_seconds"] = Math.Round(total, 6),
            ["total_seconds_including_other_language"] = Math.Round(total, 6),
            ["daily_average"] = Math.Round(average, 6),
            ["daily_average_including_other_language"] = Math.Round(average, 6),
            ["human_readable_total"] = WakaTimeDuration.Text(total),
            ["human_readable_total_including_other_language"] = WakaTimeDuration.Text(total),
            ["human_readable_daily_average"] = WakaTimeDuration.Text(average),
            ["human_readable_daily_average_including_other_language"] = WakaTimeDuration.Text(average),
            ["days_including_holidays"] = report.Days.Count,
            ["days_minus_holidays"] = activeDays,
            ["holidays"] = report.Days.Count - activeDays,
            ["best_day"] = best is null ? null : new JsonObject
            {
                ["date"] = best.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["total_seconds"] = Math.Round(best.TotalSeconds, 6),
                ["text"] = WakaTimeDuration.Text(best.TotalSeconds),
            },
        };
        WakaTimeSummary.AddBreakdowns(body, WakaTimeSummary.Sum(report.Days), total, withEntities: false);
        return body;
    }

    private static async Task<IResult> DurationsAsync(HttpContext http, ReportService reports, TimeProvider clock, string? date, string? slice_by, string? timezone)
    {
        var userId = http.User.GetUserId();
        if (!TimeZones.IsValidOrNull(timezone))
        {
            return WakaTimeResults.Error(StatusCodes.Status400BadRequest, "Unknown timezone.");
        }

        var day = await reports.TodayAsync(userId, timezone, clock);
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return WakaTimeResults.Error(StatusCodes.Status400BadRequest, "date must be YYYY-MM-DD.");
        }

        if (SliceDimension(slice_by) is not { } slice)
        {
            return WakaTimeResults.Error(StatusCodes.Status400BadRequest, "Unknown slice_by.");
        }

        var spans = await reports.GetDurationsAsync(userId, day, timezone, slice.Dimension);
        var zone = timezone ?? (await reports.GetSettingsAsync(userId)).TimeZone;
        var range = WakaTimeSummary.Range(day, day, zone);
        return Results.Json(new JsonObject
        {
            ["data"] = new JsonArray([.. spans.Select(s => (JsonNode)Span(s, slice.Key))]),
            ["start"] = range["start"]!.DeepClone(),
            ["end"] = range["end"]!.DeepClone(),
            ["timezone"] = zone,
        });
    }

    private static JsonObject Span(DurationSpan span, string key)
    {
        var item = new JsonObject
        {
            [key] = span.Name,
            ["time"] = span.Start.ToUnixTimeMilliseconds() / 1000.0,
            ["duration"] = Math.Round(span.Seconds, 6),
        };
        if (key != "project")
        {
            item["project"] = span.Project;
        }

        return item;
    }

    private static async Task<IResult> StatusBarAsync(HttpContext http, ReportService reports, TimeProvider clock)
    {
        var userId = http.User.GetUserId();
        var today = await reports.TodayAsync(userId, null, clock);
        var report = await reports.GetReportAsync(userId, new ReportQuery(today, today));
        var data = WakaTimeSummary.Day(report.Days[0], report.TimeZone, withEntities: false);
        data["has_team_features"] = false;
        return Results.Json(new JsonObject
        {
            ["cached_at"] = WakaTimeSummary.Iso(clock.GetUtcNow()),
            ["data"] = data,
            ["has_team_features"] = false,
        });
    }

    private static JsonObject Cumulative(double total) => new()
    {
        ["seconds"] = Math.Round(total, 6),
        ["text"] = WakaTimeDuration.Text(total),
        ["decimal"] = (total / 3600).ToString("0.00", CultureInfo.InvariantCulture),
        ["digital"] = WakaTimeDuration.Total(total, withSeconds: false)["digital"]!.DeepClone(),
    };

    private static JsonObject DailyAverage(IReadOnlyList<DayReport> days)
    {
        var total = days.Sum(d => d.TotalSeconds);
        var active = days.Count(d => d.TotalSeconds > 0);
        var average = active > 0 ? total / active : 0;
        return new JsonObject
        {
            ["holidays"] = days.Count - active,
            ["days_including_holidays"] = days.Count,
            ["days_minus_holidays"] = active,
            ["seconds"] = Math.Round(average, 6),
            ["text"] = WakaTimeDuration.Text(average),
            ["seconds_including_other_language"] = Math.Round(average, 6),
            ["text_including_other_language"] = WakaTimeDuration.Text(average),
        };
    }

    private static (ReportDimension Dimension, string Key)? SliceDimension(string? sliceBy) => sliceBy?.ToLowerInvariant() switch
    {
        null or "project" => (ReportDimension.Projects, "project"),
        "entity" => (ReportDimension.Entities, "entity"),
        "language" => (ReportDimension.Languages, "language"),
        "editor" => (ReportDimension.Editors, "editor"),
        "operating_system" => (ReportDimension.OperatingSystems, "operating_system"),
        "machine" => (ReportDimension.Machines, "machine"),
        "category" => (ReportDimension.Categories, "category"),
        "branch" => (ReportDimension.Branches, "branch"),
        "dependencies" => (ReportDimension.Dependencies, "dependencies"),
        _ => null,
    };

    private static string? FirstBranch(string? branches) =>
        string.IsNullOrWhiteSpace(branches) ? null : branches.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)[0];
}
