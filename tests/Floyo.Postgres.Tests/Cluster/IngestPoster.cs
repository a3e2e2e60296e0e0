using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Floyo.Postgres.Tests.Cluster;

/// <summary>
/// A tracking client: posts batches of events with unique client ids, one batch at a time, and retries a batch that
/// fails (503, 500, timeout, connection error) with the same ids until it is acknowledged with 202.
/// </summary>
internal sealed class IngestPoster(HttpClient http)
{
    public const int EventsPerBatch = 10;
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);
    private static readonly string[] Kinds = ["modified", "modified", "opened", "created"];
    private static readonly string[] Entities = ["src/a.cs", "src/b.cs", "web/c.ts", "docs/README"];
    private static readonly string[] Projects = ["p", "q"];

    private readonly Dictionary<string, AcknowledgedEvent> acknowledged = new(StringComparer.Ordinal);
    private readonly List<(int Batches, TaskCompletionSource Reached)> waiters = [];
    private int batches;

    /// <summary>Attempts that did not get 202 and were retried.</summary>
    public int FailedAttempts { get; private set; }

    /// <summary>How each failed attempt failed: "503 Retry-After: 5", "500", "connection", "timeout".</summary>
    public List<string> FailureKinds { get; } = [];

    /// <summary>Events acknowledged as duplicates: an earlier attempt had stored them but its answer was lost.</summary>
    public int Duplicates { get; private set; }

    public int AcknowledgedBatches
    {
        get
        {
            lock (waiters)
            {
                return batches;
            }
        }
    }

    public IReadOnlyDictionary<string, AcknowledgedEvent> Acknowledged => acknowledged;

    /// <summary>Posts batches until <paramref name="stop"/> is signalled (finishing the batch in hand) or the deadline passes.</summary>
    public async Task RunAsync(DateTime deadline, CancellationToken stop, CancellationToken cancellationToken)
    {
        try
        {
            for (var batch = 0; !stop.IsCancellationRequested; batch++)
            {
                var events = NewBatch(batch);
                var response = await PostUntilAcknowledgedAsync(events, deadline, cancellationToken);
                Record(events, response);
            }
        }
        catch (Exception ex)
        {
            lock (waiters)
            {
                waiters.ForEach(w => w.Reached.TrySetException(ex));
            }

            throw;
        }
    }

    /// <summary>Completes once <paramref name="count"/> batches are acknowledged; faults if posting fails.</summary>
    public Task WhenAcknowledgedAsync(int count)
    {
        lock (waiters)
        {
            if (batches >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, reached));
            return reached.Task;
        }
    }

    private async Task<IngestResponse> PostUntilAcknowledgedAsync(List<PostedEvent> events, DateTime deadline, CancellationToken cancellationToken)
    {
        var body = new { events = events.Select(e => new { e.Kind, e.Entity, Timestamp = e.Timestamp.ToString("O", CultureInfo.InvariantCulture), e.Project, e.Id }) };
        var failures = new List<string>();
        while (true)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Batch {events[0].Id}.. was not acknowledged before the deadline; attempts failed with: {string.Join("; ", failures.TakeLast(10))}");
            }

            try
            {
                using var response = await http.PostAsJsonAsync("/api/v1/events", body, JsonSerializerOptions.Web, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    return (await response.Content.ReadFromJsonAsync<IngestResponse>(JsonSerializerOptions.Web, cancellationToken))!;
                }

                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.InternalServerError))
                {
                    Assert.Fail($"POST /api/v1/events answered {(int)response.StatusCode}, which a client must not retry: {text}");
                }

                failures.Add($"{(int)response.StatusCode} {text}");
                FailureKinds.Add(response.Headers.RetryAfter is { } retryAfter ? $"{(int)response.StatusCode} Retry-After: {retryAfter}" : $"{(int)response.StatusCode}");
            }
            catch (HttpRequestException ex)
            {
                failures.Add($"connection: {ex.Message}");
                FailureKinds.Add("connection");
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                failures.Add($"timeout: {ex.Message}");
                FailureKinds.Add("timeout");
            }

            FailedAttempts++;
            await Task.Delay(RetryPause, cancellationToken);
        }
    }

    private void Record(List<PostedEvent> events, IngestResponse response)
    {
        Assert.Equal(events.Count, response.Results.Count);
        foreach (var result in response.Results)
        {
            Assert.True(
                result.Status is "accepted" or "duplicate" && result.Sequence is > 0,
                $"Event {events[result.Index].Id} came back {result.Status} ({result.Field}: {result.Error}).");
            Duplicates += result.Status == "duplicate" ? 1 : 0;
            acknowledged.Add(events[result.Index].Id, new AcknowledgedEvent(events[result.Index], result.Sequence!.Value));
        }

        lock (waiters)
        {
            batches++;
            foreach (var waiter in waiters.Where(w => w.Batches <= batches).ToList())
            {
                waiter.Reached.TrySetResult();
                waiters.Remove(waiter);
            }
        }
    }

    private static List<PostedEvent> NewBatch(int batch)
    {
        var now = DateTimeOffset.UtcNow;
        return [.. Enumerable.Range(0, EventsPerBatch).Select(i =>
        {
            var n = batch * EventsPerBatch + i;
            return new PostedEvent($"b{batch}-e{i}", Kinds[n % Kinds.Length], Entities[n % Entities.Length], now, Projects[n % Projects.Length]);
        })];
    }

    private sealed record IngestResponse(int Accepted, int Duplicates, int Rejected, List<IngestItem> Results);

    private sealed record IngestItem(int Index, string Status, long? Sequence, string? Field, string? Error);
}

/// <summary>One event as the client sent it.</summary>
internal sealed record PostedEvent(string Id, string Kind, string Entity, DateTimeOffset Timestamp, string Project)
{
    public string Extension => Path.GetExtension(Entity) is { Length: > 1 } extension ? extension : "(none)";
}

/// <summary>An event the server acknowledged, with the sequence number it reported.</summary>
internal sealed record AcknowledgedEvent(PostedEvent Event, long Sequence);
