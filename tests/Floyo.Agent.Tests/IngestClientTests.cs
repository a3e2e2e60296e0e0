using System.Net;
using Floyo.Agent.Queue;
using Floyo.Agent.Sending;
using Microsoft.Extensions.Time.Testing;

namespace Floyo.Agent.Tests;

/// <summary>The sender against a scripted transport: answers the real server cannot be made to give on demand.</summary>
public sealed class IngestClientTests
{
    private static readonly Uri Server = new("http://127.0.0.1:1/");

    [Fact]
    public async Task Send_When503WithRetryAfter_WaitsWhatTheServerAskedThenRetries()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var transport = new ScriptedTransport(time, Answer(HttpStatusCode.ServiceUnavailable, retryAfter: 30), Accepted(1));
        using var client = new IngestClient(Server, "k", AgentHarness.FastTuning with { RetryAttempts = 3, MaxRetryDelayMilliseconds = 120_000 }, time, transport);

        var sending = client.SendAsync([TestEvents.Modified("a.cs").ToJson()], TestContext.Current.CancellationToken);
        await Eventually.UntilAsync(() =>
        {
            time.Advance(TimeSpan.FromSeconds(1));
            return transport.RequestTimes.Count == 2;
        }, "the retry after Retry-After");
        var result = await sending;

        Assert.Equal(SendStatus.Delivered, result.Status);
        // The back-off alone would be ~50 ms: a gap of at least 30 s (fake) is the Retry-After.
        Assert.InRange(transport.RequestTimes[1] - transport.RequestTimes[0], TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Flush_When403_KeepsTheQueueAndReportsIt()
    {
        using var tree = new TempTree();
        var status = new StatusStore(Path.Combine(tree.Root, "status.json"));
        using var queue = EventQueue.Open(Path.Combine(tree.Root, "queue"), 100, 10);
        queue.Append([TestEvents.Modified("a.cs")]);
        var transport = new ScriptedTransport(TimeProvider.System, Answer(HttpStatusCode.Forbidden, detail: "Consent is required before events are stored."));
        using var client = new IngestClient(Server, "k", AgentHarness.FastTuning, transport: transport);

        var result = await new QueueFlusher(queue, status, AgentLog.None, 1000).FlushAsync(client, () => false, TestContext.Current.CancellationToken);

        Assert.Equal(SendStatus.Forbidden, result.Failure?.Status);
        Assert.Equal(1, queue.Count);
        Assert.Equal("403 Forbidden: Consent is required before events are stored.", status.Current.LastError);
    }

    [Fact]
    public async Task Flush_When413_SplitsTheBatchUntilItFits()
    {
        using var tree = new TempTree();
        var status = new StatusStore(Path.Combine(tree.Root, "status.json"));
        using var queue = EventQueue.Open(Path.Combine(tree.Root, "queue"), 100, 10);
        queue.Append([.. Enumerable.Range(0, 5).Select(i => TestEvents.Modified($"f{i}.cs"))]);
        var transport = new ScriptedTransport(TimeProvider.System) { MaxEvents = 2 };
        using var client = new IngestClient(Server, "k", AgentHarness.FastTuning, transport: transport);

        var result = await new QueueFlusher(queue, status, AgentLog.None, 1000).FlushAsync(client, () => false, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal(5, result.Accepted);
        Assert.Equal(0, queue.Count);
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, int? retryAfter = null, string? detail = null)
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent($"{{\"title\":\"{status}\",\"detail\":\"{detail}\"}}", System.Text.Encoding.UTF8, "application/problem+json"),
        };
        if (retryAfter is { } seconds)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        return response;
    }

    private static HttpResponseMessage Accepted(int count) => new(HttpStatusCode.Accepted)
    {
        Content = new StringContent(
            $"{{\"accepted\":{count},\"duplicates\":0,\"rejected\":0,\"results\":[{string.Join(',', Enumerable.Range(0, count).Select(i => $"{{\"index\":{i},\"status\":\"accepted\",\"sequence\":{i + 1}}}"))}]}}",
            System.Text.Encoding.UTF8,
            "application/json"),
    };

    /// <summary>Answers from a script, then (or when <see cref="MaxEvents"/> is set) 202 / 413 by batch size.</summary>
    private sealed class ScriptedTransport(TimeProvider time, params HttpResponseMessage[] script) : HttpMessageHandler
    {
        private readonly Queue<HttpResponseMessage> answers = new(script);

        public List<DateTimeOffset> RequestTimes { get; } = [];

        public int? MaxEvents { get; init; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (RequestTimes)
            {
                RequestTimes.Add(time.GetUtcNow());
            }

            if (answers.TryDequeue(out var scripted))
            {
                return scripted;
            }

            using var body = System.Text.Json.JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            var count = body.RootElement.GetProperty("events").GetArrayLength();
            return count > MaxEvents ? Answer(HttpStatusCode.RequestEntityTooLarge) : Accepted(count);
        }
    }
}
