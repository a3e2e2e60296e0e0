using System.Security.Claims;
using Floyo.Activity;
using Floyo.Web.Auth;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Floyo.Web.Apis;

/// <summary><c>GET /api/v1/activity/today</c>: the caller's current aggregates, as the dashboard shows them.</summary>
public static class ActivityApi
{
    public static IEndpointRouteBuilder MapActivityApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/activity")
            .RequireAuthorization(FloyoAuthentication.ApiKeyPolicy)
            .WithTags("Activity")
            .MapGet("/today", GetTodayAsync)
            .WithName("GetTodayActivity")
            .WithSummary("Read the caller's activity aggregates")
            .WithDescription(
                "Returns the caller's aggregates: the last sequence number, the total number of stored events, today's " +
                "(UTC) counts by kind, extension and project, and the most recent files. Every event acknowledged before " +
                "the call is included. 503 with Retry-After means the backend is temporarily unavailable: retry.")
            .Produces<ActivitySnapshot>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static async Task<Ok<ActivitySnapshot>> GetTodayAsync(ClaimsPrincipal user, ActivityService activity) =>
        TypedResults.Ok(await activity.GetSnapshotAsync(user.GetUserId()));
}
