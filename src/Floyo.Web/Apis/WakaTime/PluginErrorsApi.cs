namespace Floyo.Web.Apis.WakaTime;

/// <summary><c>POST /api/v1/plugins/errors</c>: diagnostics plugins send; logged (bounded) and acknowledged with 201.</summary>
public static partial class PluginErrorsApi
{
    private const int MaxLoggedBytes = 4096;

    public static RouteGroupBuilder MapPluginErrors(this RouteGroupBuilder api, string nameSuffix)
    {
        api.MapPost("/plugins/errors", ReportAsync).WithName("WakaTimePluginErrors" + nameSuffix)
            .WithSummary("Accept plugin diagnostics (WakaTime protocol)");
        return api;
    }

    private static async Task<IResult> ReportAsync(HttpContext http, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var body = await LimitedBody.ReadAsync(http.Request, EventBatchReader.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return WakaTimeResults.Error(StatusCodes.Status413PayloadTooLarge, $"The body must be at most {EventBatchReader.MaxBodyBytes} bytes.");
        }

        var excerpt = System.Text.Encoding.UTF8.GetString(body.Value.Span[..Math.Min(body.Value.Length, MaxLoggedBytes)]);
        LogPluginError(loggers.CreateLogger("Floyo.PluginErrors"), http.Request.Headers.UserAgent.ToString(), excerpt);
        return Results.Json(new { }, statusCode: StatusCodes.Status201Created);
    }

    [LoggerMessage(LogLevel.Information, "Plugin error from {UserAgent}: {Excerpt}")]
    private static partial void LogPluginError(ILogger logger, string userAgent, string excerpt);
}
