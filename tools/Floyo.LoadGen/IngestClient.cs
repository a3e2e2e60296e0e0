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

    /// <summary>
    /// Reads the counts and the span of accepted sequence numbers with a forward-only reader (a document of 1,000
    /// results would cost this tool more CPU than the rest of its request).
    /// </summary>
    private static IngestReply Read(byte[] payload, long ackTimestamp)
    {
        var json = new Utf8JsonReader(payload);
        int accepted = 0, duplicates = 0, rejected = 0;
        long first = 0, last = 0, sequence = 0;
        var isAccepted = false;
        while (json.Read())
        {
            if (json.TokenType == JsonTokenType.EndObject && json.CurrentDepth == 2 && isAccepted)
            {
                first = first == 0 ? sequence : Math.Min(first, sequence);
                last = Math.Max(last, sequence);
            }

            if (json.TokenType == JsonTokenType.StartObject && json.CurrentDepth == 2)
            {
                (isAccepted, sequence) = (false, 0);
            }

            if (json.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            var name = json;
            json.Read();
            if (name.CurrentDepth == 1)
            {
                accepted = name.ValueTextEquals("accepted"u8) ? json.GetInt32() : accepted;
                duplicates = name.ValueTextEquals("duplicates"u8) ? json.GetInt32() : duplicates;
                rejected = name.ValueTextEquals("rejected"u8) ? json.GetInt32() : rejected;
            }
            else if (name.CurrentDepth == 3)
            {
                isAccepted |= name.ValueTextEquals("status"u8) && json.ValueTextEquals("accepted"u8);
                sequence = name.ValueTextEquals("sequence"u8) ? json.GetInt64() : sequence;
            }
        }

        return new IngestReply(true, null, ackTimestamp, accepted, duplicates, rejected, first, last);
    }

    private static IngestReply Failed(string failure, long timestamp) => new(false, failure, timestamp, 0, 0, 0, 0, 0);
}
