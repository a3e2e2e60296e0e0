using System.Security.Claims;
using Floyo.Web.Auth;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Floyo.Web.Apis;

/// <summary><c>DELETE /api/v1/account</c>: deletes the caller's account and all its data, for good.</summary>
public static class AccountApi
{
    /// <summary>What the caller must send (and what the web page asks to type) to confirm the deletion.</summary>
    public const string Confirmation = "delete my account";

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1/account")
            .RequireAuthorization(FloyoAuthentication.ApiKeyPolicy)
            .WithTags("Privacy")
            .MapDelete("/", DeleteAsync)
            .WithName("DeleteAccount")
            .WithSummary("Delete the caller's account and all its data")
            .WithDescription(
                $"Body: {{\"confirm\": \"{Confirmation}\"}}. Stops collection and every API key, then erases the profile, settings, " +
                "keys, events, aggregates, retention schedule and audit log. Only an anonymous receipt and the time stay.")
            .Produces<DeletionBody>()
            .ProducesValidationProblem();
        return endpoints;
    }

    private static async Task<Results<Ok<DeletionBody>, ValidationProblem>> DeleteAsync(ClaimsPrincipal user, PrivacyCenterService privacy, [FromBody] DeletionRequest body)
    {
        if (!string.Equals(body.Confirm?.Trim(), Confirmation, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["confirm"] = [$"Type \"{Confirmation}\" to confirm."] });
        }

        var deletion = await privacy.DeleteAccountAsync(user.GetUserId());
        return TypedResults.Ok(new DeletionBody(deletion.Receipt, deletion.DeletedAt));
    }

    public sealed record DeletionRequest(string? Confirm);

    /// <summary>The receipt: a random id, derived from nothing about the user, and the time.</summary>
    public sealed record DeletionBody(Guid Receipt, DateTimeOffset DeletedAt);
}
