using System.Globalization;

namespace Floyo.Web.RateLimiting;

/// <summary>How a statically rendered account form answers a refused attempt: 429 with Retry-After, and a message.</summary>
public static class TooManyAttempts
{
    public static string Refuse(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return $"Too many attempts. Try again in {seconds} seconds.";
    }
}
