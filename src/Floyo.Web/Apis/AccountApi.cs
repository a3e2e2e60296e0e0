using System.Security.Claims;
using Floyo.Accounts;
using Floyo.Web.Auth;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Floyo.Web.Apis;

/// <summary><c>/api/v1/account</c>: delete the caller's account and all its data, for good; change the caller's password.</summary>
public static class AccountApi
{
    /// <summary>What the caller must send (and what the web page asks to type) to confirm the deletion.</summary>
    public const string Confirmation = "delete my account";

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/api/v1/account").RequireAuthorization(FloyoAuthentication.ApiKeyPolicy);
        account.MapDelete("/", DeleteAsync)
            .WithTags("Privacy")
            .WithName("DeleteAccount")
            .WithSummary("Delete the caller's account and all its data")
            .WithDescription(
                $"Body: {{\"confirm\": \"{Confirmation}\"}}. Stops collection and every API key, then erases the profile, settings, " +
                "keys, events, aggregates, retention schedule and audit log. Only an anonymous receipt and the time stay.")
            .Produces<DeletionBody>()
            .ProducesValidationProblem();
        account.MapPut("/password", ChangePasswordAsync)
            .WithTags("Account")
            .WithName("ChangePassword")
            .WithSummary("Change the caller's password (the current one is required)")
            .WithDescription(
                "Body: {\"currentPassword\": \"…\", \"newPassword\": \"…\"}. An API key alone cannot change the password: the " +
                "current one must match (a wrong one counts towards lockout). Ends every web session, keeps API keys working, " +
                "is audited (passwordChanged) and emails the owner.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
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

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        ClaimsPrincipal user, IdentityService identity, [FromBody] PasswordChangeRequest body)
    {
        var current = body.CurrentPassword ?? "";
        var errors = new Dictionary<string, string[]>();
        if (current.Length is 0 or > PasswordPolicy.MaxLength)
        {
            errors["currentPassword"] = ["Send the current password."];
        }

        var userId = user.GetUserId();
        var email = (await identity.GetAccountAsync(userId))?.Email;
        if (PasswordPolicy.Check(body.NewPassword, email) is { Count: > 0 } problems)
        {
            errors["newPassword"] = [.. problems];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await identity.ChangePasswordAsync(userId, current, body.NewPassword!);
        return result.Status switch
        {
            PasswordChangeStatus.Changed => TypedResults.NoContent(),
            PasswordChangeStatus.WrongPassword => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["currentPassword"] = ["The current password does not match."] }),
            PasswordChangeStatus.LockedOut => TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden, title: "Account locked", detail: $"Too many failed attempts: locked until {result.LockedUntil:O}."),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "No password", detail: "This user was created for an API key and has no password account."),
        };
    }

    public sealed record DeletionRequest(string? Confirm);

    public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

    /// <summary>The receipt: a random id, derived from nothing about the user, and the time.</summary>
    public sealed record DeletionBody(Guid Receipt, DateTimeOffset DeletedAt);
}
