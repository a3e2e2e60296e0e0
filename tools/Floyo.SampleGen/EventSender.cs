using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Floyo.Activity;

namespace Floyo.SampleGen;

/// <summary>POSTs a user's events to <c>/api/v1/events</c> in batches, retrying a batch the server answers 503 or 429 to.</summary>
internal sealed class EventSender(Uri server, int batchSize) : IDisposable
{
    private static readonly Dictionary<ActivityKind, string> KindNames = new()
    {
        [ActivityKind.Created] = "created", [ActivityKind.Modified] = "modified", [ActivityKind.Deleted] = "deleted",
        [ActivityKind.Renamed] = "renamed", [ActivityKind.Opened] = "opened", [ActivityKind.Heartbeat] = "heartbeat",
        [ActivityKind.Build] = "build", [ActivityKind.TestRun] = "test_run", [ActivityKind.DebugSession] = "debug_session",
    };

    private readonly HttpClient http = new() { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Sends the events; returns how many the server accepted (duplicates of an earlier run are not counted).</summary>
    public async Task<long> SendAsync(string apiKey, IReadOnlyList<ActivityEvent> events, CancellationToken cancellationToken)
    {
        long accepted = 0;
        var index = 0;
        foreach (var batch in events.Chunk(batchSize))
        {
            var body = new { events = batch.Select(e => Json(e, $"{apiKey[^12..]}-{index++}")).ToList() };
            for (var attempt = 1; ; attempt++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = JsonContent.Create(body) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests && attempt < 10)
                {
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
                    continue;
                }

                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    throw new HttpRequestException($"POST /api/v1/events answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }

                var result = await response.Content.ReadFromJsonAsync<IngestAnswer>(cancellationToken);
                accepted += result?.Accepted ?? 0;
                break;
            }
        }

        return accepted;
    }

    public void Dispose() => http.Dispose();

    private static Dictionary<string, object?> Json(ActivityEvent e, string id)
    {
        var json = new Dictionary<string, object?>
        {
            ["kind"] = KindNames[e.Kind], ["entity"] = e.Entity, ["timestamp"] = e.Timestamp.ToString("O"),
            ["project"] = e.Project, ["language"] = e.Language, ["editor"] = e.Editor, ["branch"] = e.Branch, ["id"] = id,
        };
        if (e.Details is { } d)
        {
            json["type"] = d.Type == EntityType.App ? "app" : null;
            json["category"] = d.Category;
            json["plugin"] = d.Plugin;
            json["machine"] = d.Machine;
            json["operatingSystem"] = d.OperatingSystem;
            json["isWrite"] = d.IsWrite;
            json["lineAdditions"] = d.LineAdditions;
            json["lineDeletions"] = d.LineDeletions;
        }

        return json;
    }

    private sealed record IngestAnswer(int Accepted);
}
