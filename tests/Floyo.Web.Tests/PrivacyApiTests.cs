using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Floyo.Activity;
using Floyo.Users;

namespace Floyo.Web.Tests;

[Collection(nameof(WebCollection))]
public sealed class PrivacyApiTests(FloyoWebFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ingest_BeforeConsent_Answers403WithTheReasonOnBothApisAndStoresNothing()
    {
        var (userId, key) = await fixture.CreateUserAsync(consented: false);
        var heartbeat = $$"""[{"entity": "a.cs", "type": "file", "time": {{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}]""";

        var native = await fixture.Http(key).PostAsync("/api/v1/events", EventJson.Batch(EventJson.Event("a.cs")), Cancel);
        var wakatime = await fixture.Http(key).PostAsync("/api/v1/users/current/heartbeats.bulk", new StringContent(heartbeat, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal("consent_required", (await ProblemAssert.IsAsync(native, HttpStatusCode.Forbidden)).GetProperty("reason").GetString());
        Assert.Equal("consent_required", (await ProblemAssert.IsAsync(wakatime, HttpStatusCode.Forbidden)).GetProperty("reason").GetString());
        Assert.Equal(0, await fixture.Grains.GetGrain<IUserActivityGrain>(userId).GetLastSequenceAsync());
    }

    [Fact]
    public async Task ConsentPauseResumeWithdraw_GateCollectionAtOnce()
    {
        var (userId, key) = await fixture.CreateUserAsync(consented: false);
        using var client = fixture.Http(key);

        var wrongVersion = await client.PutAsJsonAsync("/api/v1/privacy/consent", new { policyVersion = "1999-01-01" }, Cancel);
        var consent = await client.PutAsJsonAsync("/api/v1/privacy/consent", new { policyVersion = PrivacyPolicy.CurrentVersion }, Cancel);
        var accepted = await client.PostAsync("/api/v1/events", EventJson.Batch(EventJson.Event("one.cs")), Cancel);
        await client.PutAsJsonAsync("/api/v1/privacy/tracking", new { paused = true }, Cancel);
        var whilePaused = await client.PostAsync("/api/v1/events", EventJson.Batch(EventJson.Event("paused.cs")), Cancel);
        var state = JsonDocument.Parse(await client.GetStringAsync("/api/v1/privacy", Cancel)).RootElement;
        await client.PutAsJsonAsync("/api/v1/privacy/tracking", new { paused = false }, Cancel);
        var resumed = await client.PostAsync("/api/v1/events", EventJson.Batch(EventJson.Event("two.cs")), Cancel);
        await client.DeleteAsync("/api/v1/privacy/consent", Cancel);
        var withdrawn = await client.PostAsync("/api/v1/events", EventJson.Batch(EventJson.Event("three.cs")), Cancel);

        await ProblemAssert.HasFieldErrorAsync(wrongVersion, HttpStatusCode.BadRequest, "policyVersion");
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (accepted.StatusCode, resumed.StatusCode));
        Assert.Equal("tracking_paused", (await ProblemAssert.IsAsync(whilePaused, HttpStatusCode.Forbidden)).GetProperty("reason").GetString());
        Assert.Equal("consent_required", (await ProblemAssert.IsAsync(withdrawn, HttpStatusCode.Forbidden)).GetProperty("reason").GetString());
        Assert.Equal((true, true, false), (state.GetProperty("consented").GetBoolean(), state.GetProperty("paused").GetBoolean(), state.GetProperty("collecting").GetBoolean()));
        Assert.Equal(2, await fixture.Grains.GetGrain<IUserActivityGrain>(userId).GetLastSequenceAsync());
    }
}
