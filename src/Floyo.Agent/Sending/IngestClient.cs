using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Floyo.Agent.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Polly.Timeout;

namespace Floyo.Agent.Sending;

/// <summary>Sends batches to <c>POST /api/v1/events</c> through the resilience pipeline and reads the per-event results.</summary>
public sealed class IngestClient : IDisposable
{
    private readonly HttpClient http;
    private readonly TimeProvider time;
    private readonly TimeSpan maxRetryDelay;

    public IngestClient(Uri server, string apiKey, AgentTuning tuning, TimeProvider? time = null, HttpMessageHandler? transport = null)
    {
        this.time = time ?? TimeProvider.System;
        maxRetryDelay = TimeSpan.FromMilliseconds(tuning.MaxRetryDelayMilliseconds);
        var handler = new ResilienceHandler(IngestResilience.Build(tuning, this.time))
        {
            InnerHandler = transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
        var baseAddress = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
        http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("floyo-agent", typeof(IngestClient).Assembly.GetName().Version?.ToString(3)));
    }

    /// <summary>Sends the events (JSON objects, one per line) as one batch.</summary>
    public async Task<SendResult> SendAsync(IReadOnlyList<string> eventLines, CancellationToken cancellationToken)
    {
        var body = new StringBuilder("{\"events\":[").AppendJoin(',', eventLines).Append("]}").ToString();
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri("api/v1/events", UriKind.Relative), content, cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.Accepted => await ReadResultsAsync(response, eventLines.Count, cancellationToken),
                HttpStatusCode.Unauthorized => new SendResult(SendStatus.Unauthorized, Error: "401 Unauthorized: the server refused the API key; run 'floyo-agent login'."),
                HttpStatusCode.Forbidden => new SendResult(SendStatus.Forbidden, Error: $"403 Forbidden: {await DetailAsync(response, cancellationToken)}"),
                HttpStatusCode.BadRequest => new SendResult(SendStatus.BadBatch, Error: $"400 Bad Request: {await DetailAsync(response, cancellationToken)}"),
                HttpStatusCode.RequestEntityTooLarge => new SendResult(SendStatus.TooLarge, Error: "413: the batch is too large."),
                var other => new SendResult(
                    SendStatus.Unavailable,
                    RetryAfter: RetryAfter.Of(response, time.GetUtcNow(), maxRetryDelay),
                    Error: $"{(int)other} {response.ReasonPhrase}: {await DetailAsync(response, cancellationToken)}"),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new SendResult(SendStatus.Unavailable, Error: $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    public void Dispose() => http.Dispose();

    private static async Task<SendResult> ReadResultsAsync(HttpResponseMessage response, int sent, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        int accepted = 0, duplicates = 0;
        var rejections = new List<string>();
        var results = document.RootElement.GetProperty("results");
        foreach (var result in results.EnumerateArray())
        {
            switch (result.GetProperty("status").GetString())
            {
                case "accepted": accepted++; break;
                case "duplicate": duplicates++; break;
                default:
                    rejections.Add($"event {result.GetProperty("index").GetInt32()}: {Text(result, "field")} {Text(result, "error")}");
                    break;
            }
        }

        return results.GetArrayLength() == sent
            ? new SendResult(SendStatus.Delivered, accepted, duplicates, rejections)
            : new SendResult(SendStatus.Unavailable, Error: $"The server answered {results.GetArrayLength()} results for {sent} events.");
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static async Task<string> DetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var problem = JsonDocument.Parse(text);
            return Text(problem.RootElement, "detail") is { Length: > 0 } detail ? detail : Text(problem.RootElement, "title");
        }
        catch (JsonException)
        {
            return text.Length > 200 ? text[..200] : text;
        }
    }
}
