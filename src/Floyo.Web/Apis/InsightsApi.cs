using System.Security.Claims;
using Floyo.Insights;
using Floyo.Patterns;
using Floyo.Web.Auth;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Floyo.Web.Apis;

/// <summary>
/// <c>/api/v1/insights</c> (the caller's insights and recommendations, and feedback on them) and
/// <c>/api/v1/patterns</c> (the pattern report they come from). Every route acts on the caller's own data only.
/// </summary>
public static class InsightsApi
{
    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder endpoints)
    {
        var insights = endpoints.MapGroup("/api/v1/insights").RequireAuthorization(FloyoAuthentication.ApiKeyPolicy).WithTags("Insights");
        insights.MapGet("/", GetAsync).WithName("GetInsights").WithSummary("Read the caller's insights and recommendations")
            .WithDescription(
                "status: open (default: no feedback yet, or a snooze that ended), accepted, dismissed, snoozed or all. Insights " +
                "are ordered by score (0..1, for recommendations the estimated chance of acceptance); ranking says what " +
                "produced the order (rules, or model:N). Each insight has a deterministic id, severity, title, summary, " +
                "why (the numbers behind it) and, for recommendations, what/why it fits/how to adopt.")
            .Produces<InsightsBody>().ProducesValidationProblem();
        foreach (var (verb, action) in new[] { ("accept", InsightAction.Accept), ("dismiss", InsightAction.Dismiss), ("reopen", InsightAction.Reopen) })
        {
            insights.MapPost($"/{{id}}/{verb}", (ClaimsPrincipal user, InsightService service, string id) => ActAsync(user, service, id, action, null))
                .WithName($"{char.ToUpperInvariant(verb[0])}{verb[1..]}Insight").WithSummary($"{char.ToUpperInvariant(verb[0])}{verb[1..]} one of the caller's insights")
                .Produces<Insight>().ProducesProblem(StatusCodes.Status404NotFound);
        }

        insights.MapPost("/{id}/snooze", SnoozeAsync).WithName("SnoozeInsight").WithSummary("Hide one of the caller's insights for a while")
            .WithDescription("Body: {\"hours\": n} with 1 ≤ n ≤ 2160 (90 days).")
            .Produces<Insight>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapGet("/api/v1/patterns", GetPatternsAsync).RequireAuthorization(FloyoAuthentication.ApiKeyPolicy).WithTags("Insights")
            .WithName("GetPatterns").WithSummary("Read the caller's pattern report")
            .WithDescription("Co-edit groups, workflows, focus sessions, context switches, extension and language mix, hot files, tool usage and unusual days; see docs/API.md for every field.")
            .Produces<PatternReport>();
        return endpoints;
    }

    private static async Task<Results<Ok<InsightsBody>, ValidationProblem>> GetAsync(ClaimsPrincipal user, InsightService service, string? status)
    {
        InsightStatus? wanted = null;
        if (status is not null and not "all")
        {
            if (!Enum.TryParse<InsightStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Must be open, accepted, dismissed, snoozed or all."] });
            }

            wanted = parsed;
        }

        var snapshot = await service.GetInsightsAsync(user.GetUserId());
        var shown = status == "all" ? snapshot.Insights : snapshot.Insights.Where(i => i.Status == (wanted ?? InsightStatus.Open)).ToList();
        return TypedResults.Ok(new InsightsBody(snapshot.Checkpoint, snapshot.Ranking, shown));
    }

    private static async Task<Results<Ok<Insight>, ValidationProblem, ProblemHttpResult>> SnoozeAsync(
        ClaimsPrincipal user, InsightService service, string id, SnoozeBody? body)
    {
        if (body is null || body.Hours is < 1 or > 2160)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["hours"] = ["Must be a whole number of hours from 1 to 2160."] });
        }

        return await ActAsync(user, service, id, InsightAction.Snooze, TimeSpan.FromHours(body.Hours));
    }

    private static async Task<Results<Ok<Insight>, ValidationProblem, ProblemHttpResult>> ActAsync(
        ClaimsPrincipal user, InsightService service, string id, InsightAction action, TimeSpan? snoozeFor)
    {
        try
        {
            return TypedResults.Ok(await service.ActAsync(user.GetUserId(), id, action, snoozeFor));
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such insight", detail: $"You have no insight '{id}'.");
        }
    }

    private static async Task<Ok<PatternReport>> GetPatternsAsync(ClaimsPrincipal user, InsightService service) =>
        TypedResults.Ok(await service.GetPatternsAsync(user.GetUserId()));

    /// <summary>The JSON answer of <c>GET /api/v1/insights</c>.</summary>
    public sealed record InsightsBody(long Checkpoint, string Ranking, IReadOnlyList<Insight> Insights);

    /// <summary>The body of a snooze: how many hours to hide the insight.</summary>
    public sealed record SnoozeBody(int Hours);
}
