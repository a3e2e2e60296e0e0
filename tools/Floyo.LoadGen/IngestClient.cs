using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Floyo.LoadGen;

/// <summary>
/// What one <c>POST /api/v1/events</c> came back with: <c>Ok</c> is a 202 with a readable body (else <c>Failure</c> says
/// what went wrong); <c>AckTimestamp</c> is the <see cref="Stopwatch"/> timestamp when the answer had been read;
/// <c>FirstSequence</c>..<c>LastSequence</c> span the accepted events (0 when none).
/// </summary>
public sealed record IngestReply(bool Ok, string? Failure, long AckTimestamp, int Accepted, int Duplicates, int Rejected, long FirstSequence, long LastSequence);

/// <summary>Posts batches with one user's API key.</summary>
public sealed class IngestClient(HttpClient http, string apiKey)
{
    private static readonly Uri EventsPath = new("/api/v1/events", UriKind.Relative);
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task<IngestReply> PostAsync(byte[] body, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, EventsPath) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = Json;
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            using var response = await http.SendAsync(request, cancellationToken);
            var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var now = Stopwatch.GetTimestamp();
            return response.StatusCode == HttpStatusCode.Accepted
                ? Read(payload, now)
                : Failed($"HTTP {(int)response.StatusCode}", now);
        }
        catch (HttpRequestException ex)
        {
            return Failed(ex.HttpRequestError.ToString(), Stopwatch.GetTimestamp());
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed("timeout", Stopwatch.GetTimestamp());
        }
    }

    private static IngestReply Read(byte[] payload, long ackTimestamp)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        long first = 0, last = 0;
        foreach (var result in root.GetProperty("results").EnumerateArray())
        {
            if (result.GetProperty("status").ValueEquals("accepted"u8))
            {
                var sequence = result.GetProperty("sequence").GetInt64();
                first = first == 0 ? sequence : Math.Min(first, sequence);
                last = Math.Max(last, sequence);
            }
        }

        return new IngestReply(
            true, null, ackTimestamp,
            root.GetProperty("accepted").GetInt32(), root.GetProperty("duplicates").GetInt32(), root.GetProperty("rejected").GetInt32(),
            first, last);
    }

    private static IngestReply Failed(string failure, long timestamp) => new(false, failure, timestamp, 0, 0, 0, 0, 0);
}
