using Floyo.Web.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Floyo.Web.Auth;

/// <summary>
/// Checks a session cookie on every request against the account's security stamp: "sign out everywhere" and a
/// password reset replace the stamp, so every older session is rejected at its next request (on any web pod).
/// </summary>
public static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal)
        {
            return;
        }

        var current = await context.HttpContext.RequestServices.GetRequiredService<IdentityService>().GetSecurityStampAsync(principal.GetUserId());
        if (current != principal.GetSecurityStamp())
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(FloyoAuthentication.CookieScheme);
        }
    }
}
