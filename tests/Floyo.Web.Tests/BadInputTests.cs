using System.Net;
using System.Text;
using System.Text.Json;
using Floyo.Activity;

namespace Floyo.Web.Tests;

/// <summary>Garbage in: a clear 4xx problem or a per-item error inside a 202, never a 500, and nothing half-written.</summary>
[Collection(nameof(WebCollection))]
public sealed class BadInputTests(FloyoWebFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("{not json", "$")]
    [InlineData("[]", "events")]
    [InlineData("{\"events\": {}}", "events")]
    [InlineData("{\"events\": []}", "events")]
    [InlineData("null", "events")]
    [InlineData("", "$")]
    public async Task PostEvents_WithUnusableBody_Returns400NamingTheField(string body, string field)
    {
        var (userId, key) = await fixture.CreateUserAsync();

        var response = await fixture.Http(key).PostAsync("/api/v1/events", EventJson.Raw(body), Cancel);

        await ProblemAssert.HasFieldErrorAsync(response, HttpStatusCode.BadRequest, field);
        await AssertNothingStoredAsync(userId);
    }

    [Fact]
    public async Task PostEvents_WithTooManyEvents_Returns413StatingTheLimit()
    {
        var (userId, key) = await fixture.CreateUserAsync();
        var events = Enumerable.Range(0, 1001).Select(i => EventJson.Event($"f{i}.cs")).ToArray();

        var response = await fixture.Http(key).PostAsync("/api/v1/events", EventJson.Batch(events), Cancel);

        Assert.Contains("at most 1000 events", await ProblemAssert.HasFieldErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "events"), StringComparison.Ordinal);
        await AssertNothingStoredAsync(userId);
    }

    [Fact]
    public async Task PostEvents_WithOversizedBody_Returns413StatingTheLimit()
    {
        var (userId, key) = await fixture.CreateUserAsync();
        var padding = new string('a', 1024 * 1024);

        var response = await fixture.Http(key).PostAsync("/api/v1/events", EventJson.Raw($"{{\"events\":[],\"pad\":\"{padding}\"}}"), Cancel);

        Assert.Contains("at most 1048576 bytes", await ProblemAssert.HasFieldErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "$"), StringComparison.Ordinal);
        await AssertNothingStoredAsync(userId);
    }

    [Fact]
    public async Task PostEvents_WithWrongContentType_Returns415()
    {
        var (_, key) = await fixture.CreateUserAsync();

        var response = await fixture.Http(key).PostAsync("/api/v1/events", EventJson.Raw("{\"events\":[]}", "text/plain"), Cancel);

        await ProblemAssert.IsAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task PostEvents_WithBadItems_RejectsEachWithItsFieldAndStoresTheGoodOnes()
    {
        var (userId, key) = await fixture.CreateUserAsync();
        var now = EventJson.Now;
        var body = $$"""
            {"events": [
              {"kind": "modified", "entity": "good1.cs", "timestamp": "{{now}}"},
              {"kind": 2, "entity": "a.cs", "timestamp": "{{now}}"},
              {"kind": "exploded", "entity": "a.cs", "timestamp": "{{now}}"},
              {"kind": "modified", "entity": 42, "timestamp": "{{now}}"},
              {"kind": "modified", "timestamp": "{{now}}"},
              {"kind": "modified", "entity": "a.cs", "timestamp": true},
              {"kind": "modified", "entity": "a.cs", "timestamp": "yesterday-ish"},
              {"kind": "modified", "entity": "a.cs", "timestamp": "2001-01-01T00:00:00Z"},
              {"kind": "modified", "entity": "a.cs", "timestamp": "2999-01-01T00:00:00Z"},
              {"kind": "modified", "entity": "{{new string('x', 1025)}}", "timestamp": "{{now}}"},
              {"kind": "modified", "entity": "tab\there.cs", "timestamp": "{{now}}"},
              {"kind": "modified", "entity": "a.cs", "timestamp": "{{now}}", "project": "{{new string('p', 201)}}"},
              {"kind": "modified", "entity": "a.cs", "timestamp": "{{now}}", "branch": ["main"]},
              {"kind": "renamed", "entity": "b.cs", "timestamp": "{{now}}"},
              "not an object",
              {"kind": "heartbeat", "entity": "a.cs", "timestamp": "{{now}}", "category": "sleeping"},
              {"kind": "heartbeat", "entity": "a.cs", "timestamp": "{{now}}", "lines": -1},
              {"kind": "heartbeat", "entity": "a.cs", "timestamp": "{{now}}", "type": "planet"},
              {"kind": "heartbeat", "entity": "a.cs", "timestamp": "{{now}}", "lines": "12"},
              {"kind": "modified", "entity": "good2.cs", "timestamp": {{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}, "unknownField": 1}
            ]}
            """;

        var response = await fixture.Http(key).PostAsync("/api/v1/events", EventJson.Raw(body), Cancel);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(
            ["accepted", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "accepted"],
            results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(
            ["kind", "kind", "entity", "entity", "timestamp", "timestamp", "timestamp", "timestamp", "entity", "entity", "project", "branch", "previousEntity", "$", "category", "lines", "type", "lines"],
            results.Skip(1).Take(18).Select(r => r.GetProperty("field").GetString()));
        Assert.All(results.Skip(1).Take(18), r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("error").GetString())));
        var stored = await fixture.Grains.GetGrain<Floyo.Patterns.IPatternDetectorGrain>(userId).GetSnapshotAsync();
        Assert.Equal(2, stored.TotalEvents);
        Assert.Equal(["good2.cs", "good1.cs"], stored.RecentFiles.Select(f => f.Entity));
    }

    [Fact]
    public async Task PostEvents_WithTextThatIsNotUtf8_RejectsThoseItemsByField()
    {
        var (_, key) = await fixture.CreateUserAsync();
        var now = Encoding.ASCII.GetBytes(EventJson.Now);
        const byte NotUtf8 = 0xFF, CutShort = 0xC3;
        byte[] body =
        [
            .. "{\"events\":[{\"kind\":\"modified\",\"entity\":\"ok.cs\",\"timestamp\":\""u8, .. now, .. "\"},"u8,
            .. "{\"kind\":\"modified\",\"entity\":\"a.cs\",\"timestamp\":\""u8, .. now, .. "\",\"project\":\"p"u8, NotUtf8, .. "\"},"u8,
            .. "{\"kind\":\"modified\",\"entity\":\"b\\ud800.cs\",\"timestamp\":\""u8, .. now, .. "\"},"u8,
            .. "{\"kind\":\"modified\",\"entity\":\"c.cs\",\"timestamp\":\"2026"u8, CutShort, .. "\"},"u8,
            .. "{\"kind\":\"modified\",\"entity\":\"d.cs\",\"timestamp\":\""u8, .. now, .. "\",\"\\ud800x\":1}]}"u8,
        ];
        using var content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } };

        var response = await fixture.Http(key).PostAsync("/api/v1/events", content, Cancel);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["accepted", "rejected", "rejected", "rejected"], results.Take(4).Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(["project", "entity", "timestamp"], results.Skip(1).Take(3).Select(r => r.GetProperty("field").GetString()));
        Assert.Contains("UTF-8", results[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        // An unknown property whose escaped name is not text: ignored, or the item rejected as a whole; never a 500.
        Assert.True(results[4].GetProperty("status").GetString() == "accepted" || results[4].GetProperty("field").GetString() == "$");
    }

    [Fact]
    public async Task PostEvents_WithDeeplyNestedJson_Returns400()
    {
        var (_, key) = await fixture.CreateUserAsync();
        var nested = new StringBuilder("{\"events\":[");
        nested.Append(string.Concat(Enumerable.Repeat("[", 200))).Append(string.Concat(Enumerable.Repeat("]", 200))).Append("]}");

        var response = await fixture.Http(key).PostAsync("/api/v1/events", EventJson.Raw(nested.ToString()), Cancel);

        await ProblemAssert.HasFieldErrorAsync(response, HttpStatusCode.BadRequest, "$");
    }

    private async Task AssertNothingStoredAsync(Guid userId) =>
        Assert.Equal(0, await fixture.Grains.GetGrain<IUserActivityGrain>(userId).GetLastSequenceAsync());
}
