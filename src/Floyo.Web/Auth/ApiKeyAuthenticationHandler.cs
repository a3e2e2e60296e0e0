using System.Security.Claims;
using System.Text.Encodings.Web;
using Floyo.Users;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Floyo.Web.Auth;

/// <summary>Authenticates a request by its API key (see <see cref="ApiKeyReader"/>); unknown and revoked keys fail.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccountService accounts,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ApiKeyReader.Read(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeyFormat.IsWellFormed(key))
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }

        var userId = await accounts.ResolveApiKeyAsync(key);
        if (userId is null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var principal = UserClaims.CreatePrincipal(userId.Value, Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer, Basic realm=\"floyo\"";
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Authentication required",
                Detail = failure ?? "Send your API key as 'Authorization: Bearer <key>', Basic auth, or '?api_key=<key>'.",
            },
        });
    }
}

/// <summary>The claims Floyo puts in a principal, and how to read the user id (and a session's security stamp) back.</summary>
public static class UserClaims
{
    /// <summary>The account's security stamp when the session began; a session whose stamp is outdated is rejected.</summary>
    public const string SecurityStampType = "floyo:stamp";

    public static ClaimsPrincipal CreatePrincipal(Guid userId, string scheme, string? securityStamp = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, userId.ToString("D")) };
        if (securityStamp is not null)
        {
            claims.Add(new Claim(SecurityStampType, securityStamp));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static string? GetSecurityStamp(this ClaimsPrincipal principal) => principal.FindFirstValue(SecurityStampType);

    /// <summary>The signed-in user's id; throws when the principal carries none (an authorization bug).</summary>
    public static Guid GetUserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new InvalidOperationException("The principal has no Floyo user id.");
}
