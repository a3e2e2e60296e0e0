using System.Globalization;
using System.Security.Claims;
using Floyo.Activity;
using Floyo.Reports;
using Floyo.Web.Auth;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Floyo.Web.Apis;

/// <summary><c>GET /api/v1/stats</c>: the caller's time accounting, as the dashboard shows it.</summary>
public static class StatsApi
{
    public static IEndpointRouteBuilder MapStatsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/stats", GetAsync)
            .RequireAuthorization(FloyoAuthentication.ApiKeyPolicy)
            .WithTags("Insights")
            .WithName("GetStats")
            .WithSummary("Read the caller's time accounting")
            .WithDescription(
                "range: today, 7d, 30d or 12m (days ending today in the caller's time zone; default 7d), or start and " +
                "end (yyyy-MM-dd, at most 366 days) instead. project and language filter the range's figures; streaks " +
                "and the week-over-baseline comparison (account) always cover the whole account. Durations are seconds. " +
                "breakdown has one list per dimension (projects, languages, editors, categories, extensions, branches, " +
                "machines, operatingSystems, dependencies, entities). heatmap is 7 rows (Monday first) of 24 hours.")
            .Produces<StatsBody>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static async Task<Results<Ok<StatsBody>, ValidationProblem>> GetAsync(
        ClaimsPrincipal user,
        ReportService reports,
        TimeProvider clock,
        string? range,
        string? start,
        string? end,
        string? project,
        string? language)
    {
        var errors = new Dictionary<string, string[]>();
        var userId = user.GetUserId();
        DateOnly first = default, last = default;
        if (start is not null || end is not null)
        {
            if (range is not null)
            {
                errors["range"] = ["Give either range or start and end, not both."];
            }

            first = ParseDay(start, "start", errors);
            last = ParseDay(end, "end", errors);
            if (errors.Count == 0 && (last < first || last.DayNumber - first.DayNumber >= 366))
            {
                errors["end"] = ["end must be on or after start, at most 366 days later."];
            }
        }
        else if (StatsRange.Days(range ?? StatsRange.Week) is null)
        {
            errors["range"] = [$"Must be one of {string.Join(", ", StatsRange.Names)}."];
        }
        else
        {
            (first, last) = StatsRange.Resolve(range ?? StatsRange.Week, await reports.TodayAsync(userId, null, clock));
        }

        CheckName(project, "project", errors);
        CheckName(language, "language", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var stats = await reports.GetStatsAsync(userId, new StatsQuery(first, last, project, language));
        return TypedResults.Ok(StatsBody.From(stats));
    }

    private static DateOnly ParseDay(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day.Year is >= 1970 and < 9999)
        {
            return day;
        }

        errors[field] = ["Must be a date as yyyy-MM-dd."];
        return default;
    }

    private static void CheckName(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is not null && (value.Length is 0 or > ActivityEventRules.MaxNameLength || value.Any(char.IsControl)))
        {
            errors[field] = [$"Must be 1–{ActivityEventRules.MaxNameLength} characters without control characters."];
        }
    }

    /// <summary>The JSON shape of <see cref="ActivityStats"/>: dimensions keyed by camel-case name.</summary>
    public sealed record StatsBody(
        string TimeZone,
        DateOnly Start,
        DateOnly End,
        double TotalSeconds,
        int ActiveDays,
        double DailyAverageSeconds,
        IReadOnlyDictionary<string, IReadOnlyList<NamedDuration>> Breakdown,
        IReadOnlyList<DailyTotal> Days,
        IReadOnlyList<IReadOnlyList<double>> Heatmap,
        AccountTrend Account)
    {
        public static StatsBody From(ActivityStats stats) => new(
            stats.TimeZone,
            stats.Start,
            stats.End,
            stats.TotalSeconds,
            stats.ActiveDays,
            stats.DailyAverageSeconds,
            stats.Breakdown.ToDictionary(pair => DimensionName(pair.Key), pair => pair.Value),
            stats.Days,
            stats.Heatmap,
            stats.Account);

        public static string DimensionName(ReportDimension dimension)
        {
            var name = dimension.ToString();
            return char.ToLowerInvariant(name[0]) + name[1..];
        }
    }
}
