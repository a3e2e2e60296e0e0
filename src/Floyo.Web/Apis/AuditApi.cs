using System.Globalization;
using System.Security.Claims;
using Floyo.Privacy;
using Floyo.Web.Auth;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Floyo.Web.Apis;

/// <summary><c>GET /api/v1/audit</c>: the caller's own audit log (privacy-relevant actions), newest first, paged.</summary>
public static class AuditApi
{
    public const int DefaultPageSize = 50;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/audit")
            .RequireAuthorization(FloyoAuthentication.ApiKeyPolicy)
            .WithTags("Privacy")
            .MapGet("/", GetAsync)
            .WithName("GetAuditLog")
            .WithSummary("Read the caller's audit log")
            .WithDescription(
                $"Privacy-relevant actions on the caller's account (consent, pause, API keys, exports, retention, sign-ins, …), " +
                $"newest first. limit: 1–{IAuditGrain.MaxPageSize} (default {DefaultPageSize}); before: the nextBefore of the previous page.")
            .Produces<AuditPageBody>()
            .ProducesValidationProblem();
        return endpoints;
    }

    private static async Task<Results<Ok<AuditPageBody>, ValidationProblem>> GetAsync(
        ClaimsPrincipal user, AuditService audit, string? before = null, string? limit = null)
    {
        var errors = new Dictionary<string, string[]>();
        long? beforeId = null;
        if (before is not null)
        {
            if (long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
            {
                beforeId = parsed;
            }
            else
            {
                errors["before"] = ["Must be a positive entry id (the nextBefore of the previous page)."];
            }
        }

        var pageSize = DefaultPageSize;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > IAuditGrain.MaxPageSize))
        {
            errors["limit"] = [$"Must be between 1 and {IAuditGrain.MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await audit.ReadAsync(user.GetUserId(), beforeId, pageSize);
        return TypedResults.Ok(new AuditPageBody([.. page.Entries.Select(AuditEntryBody.From)], page.NextBefore));
    }

    /// <summary>A page of entries and the cursor of the next (older) page, null at the end.</summary>
    public sealed record AuditPageBody(IReadOnlyList<AuditEntryBody> Entries, long? NextBefore);

    /// <summary>One entry as the API shows it (the user id is the caller's and is left out).</summary>
    public sealed record AuditEntryBody(long Id, DateTimeOffset At, AuditAction Action, string? Detail, string? Origin)
    {
        public static AuditEntryBody From(AuditEntry e) => new(e.Id, e.At, e.Action, e.Detail, e.Origin);
    }
}
