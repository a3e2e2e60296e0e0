using Floyo.Web.Services;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Floyo.Web.Auth;

/// <summary>
/// Re-checks a Blazor circuit's session against the account's security stamp every
/// <see cref="WebSessionOptions.CircuitRevalidation"/>. Cookies are checked only on HTTP requests (see
/// <see cref="SessionValidation"/>), and a circuit lives on one WebSocket for hours, so without this a tab left open
/// would keep showing the account after "sign out everywhere", a password change or a reset. A stale session makes the
/// circuit anonymous; the page's <c>SessionGuard</c> then sends the tab to the sign-in page, where the cookie is refused.
/// </summary>
public sealed class CircuitSessionRevalidation(ILoggerFactory loggerFactory, IdentityService identity, IOptions<WebSessionOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.CircuitRevalidation;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        var user = authenticationState.User;
        return user.Identity?.IsAuthenticated != true
            || await identity.GetSecurityStampAsync(user.GetUserId()) == user.GetSecurityStamp();
    }
}

/// <summary>Web session settings (<c>Floyo:Sessions</c>).</summary>
public sealed class WebSessionOptions
{
    public const string Section = "Floyo:Sessions";

    /// <summary>How often an open Blazor circuit re-checks that its session still stands (default one minute).</summary>
    public TimeSpan CircuitRevalidation { get; set; } = TimeSpan.FromMinutes(1);
}
