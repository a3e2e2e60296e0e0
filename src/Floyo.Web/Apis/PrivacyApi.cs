using System.Security.Claims;
using Floyo.Users;
using Floyo.Web.Auth;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Floyo.Web.Apis;

/// <summary>
/// <c>/api/v1/privacy</c>: consent and pausing. Nothing is collected before consent; withdrawing consent or pausing
/// stops collection before the call returns.
/// </summary>
public static class PrivacyApi
{
    public static IEndpointRouteBuilder MapPrivacyApi(this IEndpointRouteBuilder endpoints)
    {
        var privacy = endpoints.MapGroup("/api/v1/privacy").RequireAuthorization(FloyoAuthentication.ApiKeyPolicy).WithTags("Privacy");
        privacy.MapGet("/", GetAsync).WithName("GetPrivacy").WithSummary("Read consent and pause state");
        privacy.MapPut("/consent", ConsentAsync).WithName("GrantConsent")
            .WithSummary("Consent to collection under the current privacy policy")
            .WithDescription($"Body: {{\"policyVersion\": \"{PrivacyPolicy.CurrentVersion}\"}} — the version the user read; another version answers 400.")
            .ProducesValidationProblem();
        privacy.MapDelete("/consent", WithdrawAsync).WithName("WithdrawConsent").WithSummary("Withdraw consent: collection stops at once");
        privacy.MapPut("/tracking", TrackingAsync).WithName("SetTracking")
            .WithSummary("Pause or resume tracking").WithDescription("Body: {\"paused\": true|false}.");
        return endpoints;
    }

    private static async Task<Ok<PrivacyBody>> GetAsync(ClaimsPrincipal user, AccountService accounts) =>
        TypedResults.Ok(PrivacyBody.From(await accounts.GetPrivacyAsync(user.GetUserId())));

    private static async Task<Results<Ok<PrivacyBody>, ValidationProblem>> ConsentAsync(ClaimsPrincipal user, AccountService accounts, ConsentBody body)
    {
        if (body.PolicyVersion != PrivacyPolicy.CurrentVersion)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["policyVersion"] = [$"Consent applies to the current policy version, {PrivacyPolicy.CurrentVersion}."],
            });
        }

        return TypedResults.Ok(PrivacyBody.From(await accounts.GrantConsentAsync(user.GetUserId(), body.PolicyVersion)));
    }

    private static async Task<Ok<PrivacyBody>> WithdrawAsync(ClaimsPrincipal user, AccountService accounts) =>
        TypedResults.Ok(PrivacyBody.From(await accounts.WithdrawConsentAsync(user.GetUserId())));

    private static async Task<Ok<PrivacyBody>> TrackingAsync(ClaimsPrincipal user, AccountService accounts, TrackingBody body) =>
        TypedResults.Ok(PrivacyBody.From(await accounts.SetTrackingPausedAsync(user.GetUserId(), body.Paused)));

    public sealed record ConsentBody(string? PolicyVersion);

    public sealed record TrackingBody(bool Paused);

    /// <summary>What the privacy API answers: consent (time, policy version), pause, and whether collection runs.</summary>
    public sealed record PrivacyBody(bool Consented, DateTimeOffset? ConsentedAt, string? PolicyVersion, bool Paused, DateTimeOffset? PausedAt, bool Collecting)
    {
        public static PrivacyBody From(PrivacyStatus s) => new(s.Consented, s.ConsentedAt, s.PolicyVersion, s.Paused, s.PausedAt, s.CollectionAllowed);
    }
}
