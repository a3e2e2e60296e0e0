using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Floyo.Activity;
using Floyo.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Floyo.Web.Tests;

[Collection(nameof(WebCollection))]
public sealed class EventsApiTests(FloyoWebFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostEvents_WithValidBatch_Returns202WithOneResultPerEventInOrder()
    {
        var (_, key) = await fixture.CreateUserAsync();

        var response = await fixture.Http(key).PostAsync("/api/v1/events", EventJson.Batch(
            EventJson.Event("src/a.cs", id: "a"), EventJson.Event("src/b.ts", "created"), EventJson.Event("src/a.cs", id: "a")), Cancel);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(2, body.RootElement.GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.RootElement.GetProperty("duplicates").GetInt32());
        var results = body.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["accepted", "accepted", "duplicate"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal([1L, 2L, 1L], results.Select(r => r.GetProperty("sequence").GetInt64()));
        Assert.Equal([0, 1, 2], results.Select(r => r.GetProperty("index").GetInt32()));
    }

    [Fact]
    public async Task PostEvents_WithWidenedFields_StoresThemWithTheEvent()
    {
        var (userId, key) = await fixture.CreateUserAsync();
        var body = $$"""
            {"events": [{"kind": "heartbeat", "entity": "https://docs.example/x", "type": "url", "timestamp": "{{EventJson.Now}}",
              "category": "Code Reviewing", "plugin": "chrome-wakatime/3.0", "operatingSystem": "linux", "machine": "box",
              "isWrite": false, "lines": 10, "lineno": 2, "cursorpos": 5, "lineAdditions": 1, "lineDeletions": 0,
              "aiLineChanges": -4, "humanLineChanges": 2, "aiInputTokens": 12, "aiOutputTokens": 34, "aiSession": "s",
              "dependencies": ["react"], "extension": ".html"},
              {"kind": "test", "entity": "suite", "type": "app", "timestamp": "{{EventJson.Now}}"}]}
            """;

        var response = await fixture.Http(key).PostAsync("/api/v1/events", EventJson.Raw(body), Cancel);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = await fixture.Services.GetRequiredService<IEventLog>().ReadAsync(userId, 0, 10, Cancel);
        var details = stored[0].Event.Details!;
        Assert.Equal(ActivityKind.Heartbeat, stored[0].Event.Kind);
        Assert.Equal((EntityType.Url, "code reviewing", "chrome-wakatime/3.0", "linux", "box"), (details.Type, details.Category, details.Plugin, details.OperatingSystem, details.Machine));
        Assert.Equal((false, 10, 2, 5, 1, 0, -4, 2), (details.IsWrite, details.Lines, details.LineNumber, details.CursorPosition, details.LineAdditions, details.LineDeletions, details.AiLineChanges, details.HumanLineChanges));
        Assert.Equal((12L, 34L, "s", ".html"), (details.AiInputTokens, details.AiOutputTokens, details.AiSession, details.Extension));
        Assert.Equal(["react"], details.Dependencies!);
        Assert.Equal((ActivityKind.TestRun, EntityType.App), (stored[1].Event.Kind, stored[1].Event.Details!.Type));
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("basic-key")]
    [InlineData("basic-key-colon")]
    [InlineData("query")]
    public async Task PostEvents_WithEachAuthForm_IsAccepted(string form)
    {
        var (_, key) = await fixture.CreateUserAsync();
        using var client = fixture.Http();
        var path = "/api/v1/events";
        switch (form)
        {
            case "bearer": client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key); break;
            case "basic-key": client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Base64(key)); break;
            case "basic-key-colon": client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Base64(key + ":")); break;
            default: path += "?api_key=" + key; break;
        }

        var response = await client.PostAsync(path, EventJson.Batch(EventJson.Event("x.cs")), Cancel);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("waka_00000000-0000-4000-8000-000000000000")]
    [InlineData("not-a-key")]
    public async Task PostEvents_WithMissingOrUnknownKey_Returns401Problem(string? key)
    {
        var response = await fixture.Http(key).PostAsync("/api/v1/events", EventJson.Batch(EventJson.Event("x.cs")), Cancel);

        await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PostEvents_WithRevokedKey_Returns401AndStoresNothing()
    {
        var (userId, key) = await fixture.CreateUserAsync();
        var user = fixture.Grains.GetGrain<IUserGrain>(userId);
        await user.RevokeApiKeyAsync(Assert.Single(await user.ListApiKeysAsync()).KeyId);

        var response = await fixture.Http(key).PostAsync("/api/v1/events", EventJson.Batch(EventJson.Event("x.cs")), Cancel);

        await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(0, await fixture.Grains.GetGrain<IUserActivityGrain>(userId).GetLastSequenceAsync());
    }

    [Fact]
    public async Task PostEvents_AsUserA_NeverWritesToUserB()
    {
        var (userA, keyA) = await fixture.CreateUserAsync();
        var (userB, _) = await fixture.CreateUserAsync();

        await fixture.Http(keyA).PostAsync("/api/v1/events", EventJson.Batch(EventJson.Event("mine.cs")), Cancel);

        Assert.Equal(1, await fixture.Grains.GetGrain<IUserActivityGrain>(userA).GetLastSequenceAsync());
        Assert.Equal(0, await fixture.Grains.GetGrain<IUserActivityGrain>(userB).GetLastSequenceAsync());
    }

    [Fact]
    public async Task GetHealthAndMetrics_WhenRunning_ReportReadyAndExposeFloyoMetrics()
    {
        using var client = fixture.Http();
        var (_, key) = await fixture.CreateUserAsync();
        await fixture.Http(key).PostAsync("/api/v1/events", EventJson.Batch(EventJson.Event("m.cs")), Cancel);

        Assert.Equal("Healthy", await client.GetStringAsync("/health/live", Cancel));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready", Cancel));
        Assert.Contains("floyo_events_ingested", await client.GetStringAsync("/metrics", Cancel), StringComparison.Ordinal);
        using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", Cancel));
        Assert.True(openApi.RootElement.GetProperty("paths").TryGetProperty("/api/v1/events", out _));
        Assert.True(openApi.RootElement.GetProperty("paths").TryGetProperty("/api/v1/users/{user}/heartbeats.bulk", out _));
        Assert.Contains("Floyo API", await client.GetStringAsync("/api/docs", Cancel), StringComparison.Ordinal);
    }

    private static string Base64(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
}
