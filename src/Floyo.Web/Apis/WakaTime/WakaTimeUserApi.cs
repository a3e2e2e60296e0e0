using System.Text.Json;
using System.Text.Json.Nodes;
using Floyo.Reports;
using Floyo.Web.Auth;
using Floyo.Web.Services;

namespace Floyo.Web.Apis.WakaTime;

/// <summary>WakaTime's user-level endpoints: the current user, their projects, and file experts.</summary>
public static class WakaTimeUserApi
{
    public static RouteGroupBuilder MapUserInfo(this RouteGroupBuilder user, string nameSuffix)
    {
        user.MapGet("/", CurrentUserAsync).WithName("WakaTimeCurrentUser" + nameSuffix).WithSummary("The signed-in user (WakaTime format)");
        user.MapGet("/projects", ProjectsAsync).WithName("WakaTimeProjects" + nameSuffix)
            .WithSummary("Projects with activity in the last 365 days, most time first (WakaTime format)");
        user.MapPost("/file_experts", FileExpertsAsync).WithName("WakaTimeFileExperts" + nameSuffix)
            .WithSummary("Who worked on a file: the caller's own time on it in the last 365 days (WakaTime format)");
        return user;
    }

    private static async Task<IResult> CurrentUserAsync(HttpContext http, AccountService accounts, ReportService reports)
    {
        var userId = http.User.GetUserId();
        var profile = await accounts.GetProfileAsync(userId);
        var settings = await reports.GetSettingsAsync(userId);
        var last = await reports.GetLastActivityAsync(userId);
        return Results.Json(new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["id"] = userId.ToString("D"),
                ["username"] = profile?.DisplayName,
                ["display_name"] = profile?.DisplayName,
                ["full_name"] = profile?.DisplayName,
                ["email"] = null,
                ["photo"] = null,
                ["timezone"] = settings.TimeZone,
                ["timeout"] = (int)settings.KeystrokeTimeout.TotalMinutes,
                ["writes_only"] = false,
                ["plan"] = "basic",
                ["has_premium_features"] = false,
                ["is_email_public"] = false,
                ["created_at"] = profile is null ? null : WakaTimeSummary.Iso(profile.CreatedAt),
                ["last_heartbeat_at"] = last is null ? null : WakaTimeSummary.Iso(last.At),
                ["last_project"] = last?.Project,
                ["last_plugin"] = last?.Plugin,
                ["last_plugin_name"] = last?.Editor,
            },
        });
    }

    private static async Task<IResult> ProjectsAsync(HttpContext http, ReportService reports, TimeProvider clock)
    {
        var userId = http.User.GetUserId();
        var report = await LastYearAsync(reports, userId, clock, project: null);
        var projects = WakaTimeSummary.Sum(report.Days).GetValueOrDefault(ReportDimension.Projects) ?? [];
        return Results.Json(new JsonObject
        {
            ["data"] = new JsonArray([.. projects.Select(p => (JsonNode)new JsonObject
            {
                ["id"] = p.Name,
                ["name"] = p.Name,
                ["total_seconds"] = Math.Round(p.Seconds, 6),
                ["human_readable_total"] = WakaTimeDuration.Text(p.Seconds),
                ["last_heartbeat_at"] = LastDay(report, p.Name),
                ["repository"] = null,
                ["badge"] = null,
                ["color"] = null,
                ["has_public_url"] = false,
            })]),
        });
    }

    private static async Task<IResult> FileExpertsAsync(HttpContext http, ReportService reports, AccountService accounts, TimeProvider clock)
    {
        FileExpertsRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<FileExpertsRequest>(JsonOptions);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request?.Entity is not { Length: > 0 } entity)
        {
            return WakaTimeResults.Error(StatusCodes.Status400BadRequest, "entity is required.");
        }

        var userId = http.User.GetUserId();
        var report = await LastYearAsync(reports, userId, clock, request.Project);
        var seconds = report.Days.SelectMany(d => d.Breakdown.GetValueOrDefault(ReportDimension.Entities) ?? [])
            .Where(e => e.Name == entity).Sum(e => e.Seconds);
        var profile = await accounts.GetProfileAsync(userId);
        var experts = new JsonArray();
        if (seconds > 0)
        {
            var total = WakaTimeDuration.Total(seconds, withSeconds: false);
            total.Remove("hours");
            total.Remove("minutes");
            experts.Add(new JsonObject
            {
                ["user"] = new JsonObject
                {
                    ["id"] = userId.ToString("D"),
                    ["name"] = profile?.DisplayName,
                    ["long_name"] = profile?.DisplayName,
                    ["is_current_user"] = true,
                },
                ["total"] = total,
            });
        }

        return Results.Json(new JsonObject { ["data"] = experts });
    }

    private static async Task<TimeReport> LastYearAsync(ReportService reports, Guid userId, TimeProvider clock, string? project)
    {
        var today = await reports.TodayAsync(userId, null, clock);
        return await reports.GetReportAsync(userId, new ReportQuery(today.AddDays(-364), today, Project: project));
    }

    /// <summary>The last day the project had activity (a day, not an instant: reports are per day).</summary>
    private static string? LastDay(TimeReport report, string project) =>
        report.Days.LastOrDefault(d => (d.Breakdown.GetValueOrDefault(ReportDimension.Projects) ?? []).Any(p => p.Name == project))
            ?.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record FileExpertsRequest(string? Entity, string? Project, int? ProjectRootCount);
}
