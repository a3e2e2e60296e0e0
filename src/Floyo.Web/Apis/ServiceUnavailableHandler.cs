using Floyo.Activity;
using Microsoft.AspNetCore.Diagnostics;

namespace Floyo.Web.Apis;

/// <summary>
/// Turns "the backend cannot take this right now" (event log down, silo gone, call timed out) into 503 with
/// <c>Retry-After</c>, so clients keep their data and retry. Everything else falls through to the default 500 problem.
/// </summary>
public sealed partial class ServiceUnavailableHandler(IProblemDetailsService problems, ILogger<ServiceUnavailableHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    /// <summary>A grain could not read or write its state because the database is unreachable (Orleans wraps the cause).</summary>
    private static bool IsStorageOutage(Exception exception) =>
        exception is OrleansException && exception.GetBaseException() is System.Data.Common.DbException or System.IO.IOException or System.Net.Sockets.SocketException;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (EventLogUnavailableException or SiloUnavailableException or OrleansMessageRejectionException
            or TimeoutException) && !IsStorageOutage(exception))
        {
            return false;
        }

        LogUnavailable(exception, exception.GetType().Name);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Temporarily unavailable",
                Detail = $"Nothing was stored. Retry in {RetryAfterSeconds} seconds.",
            },
        });
    }

    [LoggerMessage(LogLevel.Warning, "Answering 503: {Kind}")]
    private partial void LogUnavailable(Exception ex, string kind);
}
