using System.Net;
using System.Text;
using System.Text.Json;
using Floyo.Activity;
using Microsoft.Extensions.DependencyInjection;

namespace Floyo.Web.Tests.WakaTime;

[Collection(nameof(WebCollection))]
public sealed class HeartbeatCompatTests(FloyoWebFixture fixture)
{
    private const string Bulk = "/api/v1/users/current/heartbeats.bulk";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostBulk_WithTheCliFixtureByteForByte_AnswersOnePairPerHeartbeatThatTheCliParses()
    {
        var (userId, key) = await fixture.CreateUserAsync();
        var body = WakaTimeCli.Fixture("api_heartbeats_request.json");

        var response = await WakaTimeCli.Client(fixture, key).PostAsync(Bulk, new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        // The fixture's heartbeats are from 2020, beyond the 30-day window: per-item 400s, never a top-level 400.
        Assert.Equal([400, 400], await WakaTimeCli.ParseBulkAsync(response, 2));
        Assert.Equal(0, await fixture.Grains.GetGrain<IUserActivityGrain>(userId).GetLastSequenceAsync());
    }

    [Fact]
    public async Task PostBulk_WithCurrentHeartbeats_StoresThemWithWhatTheCliSent()
    {
        var (userId, key) = await fixture.CreateUserAsync();
        var body = WakaTimeCli.WithTime(WakaTimeCli.Fixture("api_heartbeats_request.json"), DateTimeOffset.UtcNow.AddMinutes(-5));

        var response = await WakaTimeCli.Client(fixture, key).PostAsync(Bulk, new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal([201, 201], await WakaTimeCli.ParseBulkAsync(response, 2));
        var stored = await fixture.Services.GetRequiredService<IEventLog>().ReadAsync(userId, 0, 10, Cancel);
        var first = stored[0].Event;
        Assert.Equal((ActivityKind.Heartbeat, "/tmp/main.go", "wakatime-cli", "Go", "heartbeat"), (first.Kind, first.Entity, first.Project, first.Language, first.Branch));
        Assert.Equal(("coding", true, 100, 42, 12), (first.Category, first.Details!.IsWrite, first.Details.Lines, first.Details.LineNumber, first.Details.CursorPosition));
        Assert.Equal(["dep1", "dep2"], first.Details.Dependencies!);
        Assert.Equal(("Linux", "devbox"), (first.Details.OperatingSystem, first.Details.Machine));
        Assert.Equal(("debugging", "HIDDEN.py"), (stored[1].Event.Category, stored[1].Event.Entity));
    }

    [Fact]
    public async Task PostBulk_WhenTheCliResendsABatch_StoresItOnce()
    {
        var (userId, key) = await fixture.CreateUserAsync();
        var body = WakaTimeCli.WithTime(WakaTimeCli.Fixture("api_heartbeats_request.json"), DateTimeOffset.UtcNow.AddMinutes(-5));
        using var client = WakaTimeCli.Client(fixture, key);

        await client.PostAsync(Bulk, new StringContent(body, Encoding.UTF8, "application/json"), Cancel);
        var again = await client.PostAsync(Bulk, new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal([201, 201], await WakaTimeCli.ParseBulkAsync(again, 2));
        Assert.Equal(2, await fixture.Grains.GetGrain<IUserActivityGrain>(userId).GetLastSequenceAsync());
    }

    [Fact]
    public async Task PostBulk_WithLenientInput_AcceptsNumericStringsNullsUnknownKeysAndNegativeAiChanges()
    {
        var (userId, key) = await fixture.CreateUserAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        var body = $$"""
            [{"entity": "https://github.com/x", "type": "url", "time": "{{now.ToString(System.Globalization.CultureInfo.InvariantCulture)}}", "lines": "120",
              "is_write": "true", "project": null, "branch": null, "category": "browsing", "ai_line_changes": -12, "human_line_changes": "-3",
              "some_future_key": {"nested": true}, "project_root_count": "2"}]
            """;

        var response = await WakaTimeCli.Client(fixture, key).PostAsync(Bulk, new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal([201], await WakaTimeCli.ParseBulkAsync(response, 1));
        var stored = Assert.Single(await fixture.Services.GetRequiredService<IEventLog>().ReadAsync(userId, 0, 10, Cancel)).Event;
        Assert.Equal((EntityType.Url, 120, true, -12, -3), (stored.Details!.Type, stored.Details.Lines, stored.Details.IsWrite, stored.Details.AiLineChanges, stored.Details.HumanLineChanges));
        Assert.Null(stored.Project);
    }

    [Fact]
    public async Task PostBulk_WithBadAndOldHeartbeats_AnswersPerItemErrorsAndStoresTheGoodOnes()
    {
        var (userId, key) = await fixture.CreateUserAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var body = $$"""
            [{"entity": "good.rs", "type": "file", "time": {{now}}},
             {"type": "file", "time": {{now}}},
             {"entity": "x.rs", "type": "file", "time": "soon"},
             {"entity": "x.rs", "type": "file", "time": {{now - 40 * 86400}}},
             {"entity": "x.rs", "type": "spaceship", "time": {{now}}},
             {"entity": "x.rs", "type": "file", "time": {{now}}, "category": "napping"},
             42,
             {"entity": "also-good.rs", "type": "file", "time": {{now + 1}}}]
            """;

        var response = await WakaTimeCli.Client(fixture, key).PostAsync(Bulk, new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal([201, 400, 400, 400, 400, 400, 400, 201], await WakaTimeCli.ParseBulkAsync(response, 8));
        Assert.Equal(2, await fixture.Grains.GetGrain<IUserActivityGrain>(userId).GetLastSequenceAsync());
    }

    [Fact]
    public async Task PostSingle_WithOneHeartbeat_Answers201WithData()
    {
        var (_, key) = await fixture.CreateUserAsync();
        var body = $$"""{"entity": "single.py", "type": "file", "time": {{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}, "language": "Python"}""";

        var response = await fixture.Http().PostAsync($"/api/v1/users/current/heartbeats?api_key={key}", new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("single.py", json.RootElement.GetProperty("data").GetProperty("entity").GetString());
    }

    [Theory]
    [InlineData("/api/v1/users/me/heartbeats.bulk", HttpStatusCode.Accepted)]
    [InlineData("/api/compat/wakatime/v1/users/current/heartbeats.bulk", HttpStatusCode.Accepted)]
    [InlineData("/api/v1/users/00000000-0000-4000-8000-000000000000/heartbeats.bulk", HttpStatusCode.NotFound)]
    public async Task PostBulk_ToUserRoutes_AcceptsOnlyTheCaller(string path, HttpStatusCode expected)
    {
        var (_, key) = await fixture.CreateUserAsync();
        var body = $$"""[{"entity": "a.cs", "type": "file", "time": {{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}]""";

        var response = await WakaTimeCli.Client(fixture, key).PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task PostBulk_WithUnknownKey_Answers401()
    {
        var body = """[{"entity": "a.cs", "type": "file", "time": 1}]""";

        var response = await WakaTimeCli.Client(fixture, "waka_00000000-0000-4000-8000-000000000001").PostAsync(Bulk, new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostPluginErrors_Answers201()
    {
        var (_, key) = await fixture.CreateUserAsync();

        var response = await WakaTimeCli.Client(fixture, key).PostAsync(
            "/api/v1/plugins/errors", new StringContent("""{"message": "boom", "stack": "..."}""", Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
