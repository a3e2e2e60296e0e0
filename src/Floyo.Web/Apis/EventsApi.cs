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

    private static async Task<Results<Accepted<IngestResponse>, ProblemHttpResult>> PostEventsAsync(
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
        var stored = events.Count > 0 ? await activity.IngestAsync(http.User.GetUserId(), events) : [];
        return TypedResults.Accepted((string?)null, Merge(batch.Items, stored));
    }

    /// <summary>Puts the grain's results for the readable items back in their places among the unreadable ones.</summary>
    private static IngestResponse Merge(IReadOnlyList<BatchItem> items, IReadOnlyList<IngestItemResult> stored)
    {
        var results = new List<IngestItemResponse>(items.Count);
        var (accepted, duplicates, rejected) = (0, 0, 0);
        var next = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var result = items[i].Error ?? stored[next++];
            accepted += result.Outcome == IngestOutcome.Accepted ? 1 : 0;
            duplicates += result.Outcome == IngestOutcome.Duplicate ? 1 : 0;
            rejected += result.Outcome == IngestOutcome.Rejected ? 1 : 0;
            results.Add(new IngestItemResponse(i, StatusOf(result.Outcome), result.Sequence, result.Field, result.Error));
        }

        return new IngestResponse(accepted, duplicates, rejected, results);
    }

    private static string StatusOf(IngestOutcome outcome) => outcome switch
    {
        IngestOutcome.Accepted => "accepted",
        IngestOutcome.Duplicate => "duplicate",
        IngestOutcome.Rejected => "rejected",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    private static ProblemHttpResult FieldProblem(int status, string field, string message) =>
        TypedResults.Problem(
            detail: message,
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });
}
