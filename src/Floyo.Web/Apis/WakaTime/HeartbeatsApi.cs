using System.Text.Json;
using Floyo.Activity;
using Floyo.Web.Auth;
using Floyo.Web.Services;

namespace Floyo.Web.Apis.WakaTime;

/// <summary>
/// Heartbeat ingest in WakaTime's protocol: <c>POST …/users/current/heartbeats.bulk</c> (an array) and
/// <c>POST …/users/current/heartbeats</c> (one object, or an array from clients that post batches there).
/// </summary>
public static class HeartbeatsApi
{
    public const int MaxHeartbeatsPerRequest = 1000;

    public static RouteGroupBuilder MapHeartbeats(this RouteGroupBuilder user, string nameSuffix)
    {
        user.MapPost("/heartbeats.bulk", PostAsync).WithName("WakaTimePostHeartbeatsBulk" + nameSuffix)
            .WithSummary("Ingest WakaTime heartbeats (bulk)")
            .WithDescription("A JSON array of heartbeats as wakatime-cli sends them. Answers 202 with one [body, status] pair per heartbeat, in order; bad or old heartbeats get a per-item 400, never a top-level one.");
        user.MapPost("/heartbeats", PostAsync).WithName("WakaTimePostHeartbeat" + nameSuffix)
            .WithSummary("Ingest one WakaTime heartbeat")
            .WithDescription("One heartbeat object (201 with {data}), or an array (answered like heartbeats.bulk).");
        return user;
    }

    private static async Task<IResult> PostAsync(HttpContext http, ActivityService activity, CancellationToken cancellationToken)
    {
        using var body = await LimitedBody.ReadAsync(http.Request, EventBatchReader.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return WakaTimeResults.Error(StatusCodes.Status413PayloadTooLarge, $"The body must be at most {EventBatchReader.MaxBodyBytes} bytes.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.Value, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return WakaTimeResults.Error(StatusCodes.Status400BadRequest, $"The body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            var isBulk = root.ValueKind == JsonValueKind.Array;
            if (!isBulk && root.ValueKind != JsonValueKind.Object)
            {
                return WakaTimeResults.Error(StatusCodes.Status400BadRequest, "Send a heartbeat object or an array of heartbeats.");
            }

            var heartbeats = isBulk ? [.. root.EnumerateArray()] : new List<JsonElement> { root };
            if (heartbeats.Count > MaxHeartbeatsPerRequest)
            {
                return WakaTimeResults.Error(StatusCodes.Status413PayloadTooLarge, $"At most {MaxHeartbeatsPerRequest} heartbeats per request; this one has {heartbeats.Count}.");
            }

            var userId = http.User.GetUserId();
            var userAgent = http.Request.Headers.UserAgent.ToString();
            var machine = http.Request.Headers["X-Machine-Name"].ToString();
            var items = HeartbeatReader.ReadAll(heartbeats, userAgent, machine.Length > 0 ? machine : null);
            var results = await StoreAsync(activity, userId, items);
            if (isBulk)
            {
                return Results.Json(HeartbeatResponses.Bulk(userId, items, results), statusCode: StatusCodes.Status202Accepted);
            }

            var (single, status) = HeartbeatResponses.Single(userId, items[0], results[0]);
            return Results.Json(single, statusCode: status);
        }
    }

    private static async Task<IReadOnlyList<IngestItemResult>> StoreAsync(ActivityService activity, Guid userId, List<BatchItem> items)
    {
        var valid = items.Where(i => i.Event is not null).Select(i => i.Event!).ToList();
        var stored = valid.Count > 0 ? await activity.IngestAsync(userId, valid) : IngestReceipt.Empty;
        var next = 0;
        return [.. items.Select(i => i.Error ?? stored[next++])];
    }
}
