using System.Security.Claims;
using Floyo.Users;
using Floyo.Web.Auth;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Floyo.Web.Apis;

/// <summary><c>GET/PUT /api/v1/settings</c>: the caller's time zone and keystroke timeout, which shape time accounting.</summary>
public static class SettingsApi
{
    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder endpoints)
    {
        var settings = endpoints.MapGroup("/api/v1/settings").RequireAuthorization(FloyoAuthentication.ApiKeyPolicy).WithTags("Settings");
        settings.MapGet("/", GetAsync).WithName("GetSettings").WithSummary("Read the caller's settings")
            .Produces<SettingsBody>();
        settings.MapPut("/", PutAsync).WithName("PutSettings").WithSummary("Change the caller's settings")
            .WithDescription("timeZone: an IANA time zone id (days are counted in it). keystrokeTimeoutMinutes: 1–240; consecutive events closer than this are joined into one duration.")
            .Produces<SettingsBody>()
            .ProducesValidationProblem();
        return endpoints;
    }

    private static async Task<Ok<SettingsBody>> GetAsync(ClaimsPrincipal user, AccountService accounts) =>
        TypedResults.Ok(SettingsBody.From(await accounts.GetSettingsAsync(user.GetUserId())));

    private static async Task<Results<Ok<SettingsBody>, ValidationProblem>> PutAsync(ClaimsPrincipal user, AccountService accounts, SettingsBody body)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(body.TimeZone, out _))
        {
            errors["timeZone"] = ["Must be an IANA time zone id, e.g. Europe/Berlin."];
        }

        var timeout = TimeSpan.FromMinutes(body.KeystrokeTimeoutMinutes);
        if (timeout < UserSettings.MinKeystrokeTimeout || timeout > UserSettings.MaxKeystrokeTimeout)
        {
            errors["keystrokeTimeoutMinutes"] = ["Must be between 1 and 240."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var saved = await accounts.UpdateSettingsAsync(user.GetUserId(), new UserSettings(body.TimeZone, timeout));
        return TypedResults.Ok(SettingsBody.From(saved));
    }

    /// <summary>The settings as JSON: an IANA time zone and the keystroke timeout in minutes.</summary>
    public sealed record SettingsBody(string TimeZone, int KeystrokeTimeoutMinutes)
    {
        public static SettingsBody From(UserSettings settings) => new(settings.TimeZone, (int)settings.KeystrokeTimeout.TotalMinutes);
    }
}
