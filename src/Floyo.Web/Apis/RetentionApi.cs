using System.Security.Claims;
using Floyo.Privacy;
using Floyo.Web.Auth;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Floyo.Web.Apis;

/// <summary><c>GET/PUT /api/v1/privacy/retention</c>: how long the caller's events are kept.</summary>
public static class RetentionApi
{
    public static IEndpointRouteBuilder MapRetentionApi(this IEndpointRouteBuilder endpoints)
    {
        var retention = endpoints.MapGroup("/api/v1/privacy/retention").RequireAuthorization(FloyoAuthentication.ApiKeyPolicy).WithTags("Privacy");
        retention.MapGet("/", GetAsync).WithName("GetRetention").WithSummary("Read how long the caller's events are kept")
            .Produces<RetentionBody>();
        retention.MapPut("/", PutAsync).WithName("SetRetention").WithSummary("Choose how long the caller's events are kept")
            .WithDescription("Body: {\"days\": 30|90|365|0} (0 keeps everything). Events older than the period, and rollups of them, are purged at once and then daily.")
            .Produces<RetentionBody>()
            .ProducesValidationProblem();
        return endpoints;
    }

    private static async Task<Ok<RetentionBody>> GetAsync(ClaimsPrincipal user, PrivacyCenterService privacy) =>
        TypedResults.Ok(RetentionBody.From(await privacy.GetRetentionAsync(user.GetUserId())));

    private static async Task<Results<Ok<RetentionBody>, ValidationProblem>> PutAsync(ClaimsPrincipal user, PrivacyCenterService privacy, RetentionRequest body)
    {
        if (body.Days is not { } days || !Enum.IsDefined((RetentionPeriod)days))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = ["Must be 30, 90 or 365, or 0 to keep everything."] });
        }

        return TypedResults.Ok(RetentionBody.From(await privacy.SetRetentionAsync(user.GetUserId(), (RetentionPeriod)days)));
    }

    public sealed record RetentionRequest(int? Days);

    /// <summary>The period in days (0: kept), and what the last purge removed.</summary>
    public sealed record RetentionBody(int Days, DateTimeOffset? LastRunAt, long LastPurgedEvents)
    {
        public static RetentionBody From(RetentionStatus s) => new((int)s.Period, s.LastRunAt, s.LastPurgedEvents);
    }
}
