using Microsoft.AspNetCore.Authentication;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Floyo.Web.Auth;

/// <summary>
/// Two ways in: an API key (tracking clients, scripts, the SignalR client) or the session cookie (the web UI).
/// The default scheme picks one per request: credentials in the request select the API key, otherwise the cookie.
/// </summary>
public static class FloyoAuthentication
{
    public const string DefaultScheme = "Floyo";
    public const string ApiKeyScheme = "ApiKey";
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>Authorization policy of the HTTP API: API keys only, so no cookie-borne request can be forged cross-site.</summary>
    public const string ApiKeyPolicy = "ApiKey";

    public const string SignInPath = "/account/signin";

    /// <summary>Starts a web session for <paramref name="userId"/>, carrying the account's current security stamp.</summary>
    public static async Task SignInAsync(HttpContext http, Guid userId)
    {
        var stamp = await http.RequestServices.GetRequiredService<IdentityService>().GetSecurityStampAsync(userId);
        await http.SignInAsync(CookieScheme, UserClaims.CreatePrincipal(userId, CookieScheme, stamp));
    }

    public static IServiceCollection AddFloyoAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "API key or cookie", o =>
                o.ForwardDefaultSelector = context => ApiKeyReader.HasCredentials(context.Request) ? ApiKeyScheme : CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyScheme, null)
            .AddCookie(CookieScheme, o =>
            {
                o.LoginPath = SignInPath;
                o.Cookie.Name = "floyo.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromDays(14);
                o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
                o.Events.OnRedirectToLogin = context => RedirectOrUnauthorized(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => RedirectOrUnauthorized(context, StatusCodes.Status403Forbidden);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyPolicy, policy => policy.AddAuthenticationSchemes(ApiKeyScheme).RequireAuthenticatedUser());
        return services;
    }

    /// <summary>Machines get a status code; only browsers navigating to pages are redirected to sign in.</summary>
    private static Task RedirectOrUnauthorized(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
