namespace Floyo.Web.RateLimiting;

/// <summary>The account actions with their own rate limits.</summary>
public enum AccountAction
{
    Login,
    SignUp,
    PasswordReset,
}
