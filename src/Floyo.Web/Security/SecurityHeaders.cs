using System.Buffers.Text;
using System.Security.Cryptography;

namespace Floyo.Web.Security;

/// <summary>
/// Security headers on every response. The Content-Security-Policy allows only this origin's scripts plus inline scripts
/// carrying the request's nonce (Blazor's import map), this origin's styles plus inline styles (MudBlazor sets style
/// attributes and its theme provider writes a style element), images and fonts from this origin or data: URLs, fetch
/// and WebSocket connections to this origin (SignalR), and no framing, plugins, foreign form targets or base URLs.
/// The API reference at <c>/api/docs</c> (Scalar: an inline bootstrap script) gets a policy that allows inline scripts.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "floyo.csp-nonce";

    /// <summary>The nonce of this request's policy, for inline scripts the app renders itself.</summary>
    public static string CspNonce(this HttpContext context) =>
        context.Items[NonceKey] as string ?? throw new InvalidOperationException("The security headers middleware did not run.");

    public static IApplicationBuilder UseFloyoSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // base64url: no '+', '/' or '=' for HTML encoding to turn into character references in the page's attribute.
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        var headers = context.Response.Headers;
        var scripts = context.Request.Path.StartsWithSegments("/api/docs") ? "'self' 'unsafe-inline'" : $"'self' 'nonce-{nonce}'";
        headers.ContentSecurityPolicy =
            $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
            "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        return next(context);
    });
}
