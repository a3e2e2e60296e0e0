using Floyo.Privacy;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace Floyo.Web.Auth;

/// <summary>Account endpoints that are not pages.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post (antiforgery-validated by the middleware), so a cross-site page cannot sign users out.
        endpoints.MapPost("/account/signout", async (HttpContext http, AuditService audit) =>
            {
                if (http.User.Identity?.IsAuthenticated == true)
                {
                    await audit.RecordAsync(http.User.GetUserId(), AuditAction.LoggedOut);
                }

                await http.SignOutAsync(FloyoAuthentication.CookieScheme);
                return TypedResults.LocalRedirect(FloyoAuthentication.SignInPath);
            })
            .WithName("SignOut")
            .WithSummary("End the web session")
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        return endpoints;
    }
}
