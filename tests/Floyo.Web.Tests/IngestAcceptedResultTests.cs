using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Floyo.Activity;
using Floyo.Web.Apis;
using Microsoft.AspNetCore.Http;

namespace Floyo.Web.Tests;

public sealed class IngestAcceptedResultTests
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    [Fact]
    public async Task ExecuteAsync_WritesExactlyTheDocumentedIngestResponse()
    {
        // Unreadable at 0 and 3 (refused by the reader); the grain saw the other four: accepted, duplicate, rejected, accepted.
        var items = new[]
        {
            BatchItem.Invalid("timestamp", "Must be <= 1 hour ahead: \"é\"."),
            Readable(),
            Readable(),
            BatchItem.Invalid("kind", "Unknown kind."),
            Readable(),
            Readable(),
        };
        var stored = new IngestReceipt(
            4, 41, [1, 2], [new IngestItemResult(IngestOutcome.Duplicate, 7), IngestItemResult.Reject("project", "Has control characters.")]);

        var written = await ExecuteAsync(new IngestAcceptedResult(items, stored));

        var expected = new IngestResponse(1 + 1, 1, 3,
        [
            new(0, "rejected", null, "timestamp", "Must be <= 1 hour ahead: \"é\"."),
            new(1, "accepted", 41, null, null),
            new(2, "duplicate", 7, null, null),
            new(3, "rejected", null, "kind", "Unknown kind."),
            new(4, "rejected", null, "project", "Has control characters."),
            new(5, "accepted", 42, null, null),
        ]);
        Assert.Equal(JsonSerializer.Serialize(expected, WebJson), written.Body);
        Assert.Equal(StatusCodes.Status202Accepted, written.Status);
        Assert.Equal("application/json; charset=utf-8", written.ContentType);
    }

    [Fact]
    public async Task ExecuteAsync_ForALargeBatch_WritesEveryResult()
    {
        var items = Enumerable.Range(0, 5000).Select(_ => Readable()).ToArray();

        var written = await ExecuteAsync(new IngestAcceptedResult(items, new IngestReceipt(items.Length, 1, [], [])));

        using var body = JsonDocument.Parse(written.Body);
        var sequences = body.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("sequence").GetInt64());
        Assert.Equal(Enumerable.Range(1, 5000).Select(n => (long)n), sequences);
        Assert.Equal(5000, body.RootElement.GetProperty("accepted").GetInt32());
    }

    private static BatchItem Readable() =>
        new(new ActivityEvent(ActivityKind.Modified, "a.cs", DateTimeOffset.UnixEpoch), null);

    private static async Task<(int Status, string? ContentType, string Body)> ExecuteAsync(IngestAcceptedResult result)
    {
        var http = new DefaultHttpContext();
        using var body = new MemoryStream();
        http.Response.Body = body;
        await result.ExecuteAsync(http);
        await http.Response.BodyWriter.FlushAsync(TestContext.Current.CancellationToken);
        return (http.Response.StatusCode, http.Response.ContentType, Encoding.UTF8.GetString(body.ToArray()));
    }
}
