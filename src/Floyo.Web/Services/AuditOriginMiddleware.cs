using Floyo.Privacy;

namespace Floyo.Web.Services;

/// <summary>
/// Names the client of every HTTP request (IP and user agent) as the <see cref="AuditOrigin"/> of the grain calls it
/// makes, so audit entries recorded anywhere below say where the action came from.
/// </summary>
public static class AuditOriginMiddleware
{
    public static IApplicationBuilder UseAuditOrigin(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            AuditOrigin.Set(Describe(context));
            return next(context);
        });

    /// <summary>"203.0.113.5 · Mozilla/5.0 …", or what is known of it.</summary>
    public static string Describe(HttpContext context)
    {
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown address";
        var agent = context.Request.Headers.UserAgent.ToString();
        return agent.Length == 0 ? ip : $"{ip} · {agent}";
    }
}
