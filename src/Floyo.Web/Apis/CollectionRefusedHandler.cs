using Floyo.Activity;
using Microsoft.AspNetCore.Diagnostics;

namespace Floyo.Web.Apis;

/// <summary>
/// Events refused because the user has not consented or paused tracking: 403 with the reason (<c>consent_required</c>,
/// <c>tracking_paused</c>). Clients keep such events queued (wakatime-cli re-queues on any status but 201/202/400/401).
/// </summary>
public sealed class CollectionRefusedHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not CollectionRefusedException refused)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = refused.Reason == "tracking_paused" ? "Tracking is paused" : "Consent required",
                Detail = refused.Message,
                Extensions = { ["reason"] = refused.Reason, ["error"] = refused.Message },
            },
        });
    }
}
