using Floyo.Activity;
using Floyo.Web.Auth;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Floyo.Web.Apis;

/// <summary><c>POST /api/v1/events</c>: the native ingest API for file events.</summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1")
            .RequireAuthorization(FloyoAuthentication.ApiKeyPolicy)
            .WithTags("Events")
            .MapPost("/events", PostEventsAsync)
            .WithName("PostEvents")
            .WithSummary("Ingest a batch of file events")
            .WithDescription(
                $"Stores up to {EventBatchReader.MaxEventsPerBatch} events ({EventBatchReader.MaxBodyBytes / 1024} KiB) for the caller. " +
                "Answers 202 once every accepted event is durable, with one result per event in order; a bad event is " +
                "rejected alone. 503 with Retry-After means nothing was stored: retry the batch (events with ids are stored once).")
            .Accepts<EventBatchRequest>("application/json")
            .Produces<IngestResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static async Task<Results<IngestAcceptedResult, ProblemHttpResult>> PostEventsAsync(
        HttpContext http, ActivityService activity, CancellationToken cancellationToken)
    {
        // A non-JSON content type never gets here: the Accepts metadata makes routing answer 415.
        using var body = await LimitedBody.ReadAsync(http.Request, EventBatchReader.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return FieldProblem(StatusCodes.Status413PayloadTooLarge, "$", $"The body must be at most {EventBatchReader.MaxBodyBytes} bytes.");
        }

        var batch = EventBatchReader.Read(body.Value);
        if (batch.Problem is not null)
        {
            return FieldProblem(batch.Status, batch.Field!, batch.Problem);
        }

        var events = batch.Items.Where(i => i.Event is not null).Select(i => i.Event!).ToList();
        var stored = events.Count > 0 ? await activity.IngestAsync(http.User.GetUserId(), events) : IngestReceipt.Empty;
        return new IngestAcceptedResult(batch.Items, stored);
    }

    private static ProblemHttpResult FieldProblem(int status, string field, string message) =>
        TypedResults.Problem(
            detail: message,
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });
}
