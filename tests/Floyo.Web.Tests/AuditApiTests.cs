using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Floyo.Users;

namespace Floyo.Web.Tests;

[Collection(nameof(WebCollection))]
public sealed class AuditApiTests(FloyoWebFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAudit_ListsTheCallersPrivacyActionsNewestFirstWithTheirOriginInPages()
    {
        var (_, key) = await fixture.CreateUserAsync(consented: false);
        using var client = fixture.Http(key);
        client.DefaultRequestHeaders.UserAgent.ParseAdd("audit-test/1.0");
        await client.PutAsJsonAsync("/api/v1/privacy/consent", new { policyVersion = PrivacyPolicy.CurrentVersion }, Cancel);
        await client.PutAsJsonAsync("/api/v1/privacy/tracking", new { paused = true }, Cancel);
        await client.PutAsJsonAsync("/api/v1/privacy/tracking", new { paused = true }, Cancel);
        await client.PutAsJsonAsync("/api/v1/privacy/tracking", new { paused = false }, Cancel);
        await client.DeleteAsync("/api/v1/privacy/consent", Cancel);

        var first = JsonDocument.Parse(await client.GetStringAsync("/api/v1/audit?limit=3", Cancel)).RootElement;
        var next = first.GetProperty("nextBefore").GetInt64();
        var second = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/audit?limit=3&before={next}", Cancel)).RootElement;

        var entries = first.GetProperty("entries").EnumerateArray().Concat(second.GetProperty("entries").EnumerateArray()).ToList();
        Assert.Equal(
            ["consentWithdrawn", "trackingResumed", "trackingPaused", "consentGranted", "apiKeyCreated"],
            entries.Select(e => e.GetProperty("action").GetString()));
        Assert.False(second.TryGetProperty("nextBefore", out _));
        Assert.Equal(PrivacyPolicy.CurrentVersion, entries[3].GetProperty("detail").GetString());
        Assert.Equal("127.0.0.1 · audit-test/1.0", entries[0].GetProperty("origin").GetString());
        Assert.Equal($"test ({ApiKeyFormat.Hint(key)})", entries[4].GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetAudit_ShowsNothingOfAnotherUser()
    {
        var (_, someone) = await fixture.CreateUserAsync();
        var (_, key) = await fixture.CreateUserAsync(consented: false);
        await fixture.Http(someone).PutAsJsonAsync("/api/v1/privacy/tracking", new { paused = true }, Cancel);

        var page = JsonDocument.Parse(await fixture.Http(key).GetStringAsync("/api/v1/audit", Cancel)).RootElement;

        Assert.Equal(["apiKeyCreated"], page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("before=-4", "before")]
    public async Task GetAudit_WithBadPaging_Answers400NamingTheField(string query, string field)
    {
        var (_, key) = await fixture.CreateUserAsync();

        var response = await fixture.Http(key).GetAsync($"/api/v1/audit?{query}", Cancel);

        await ProblemAssert.HasFieldErrorAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task GetAudit_WithoutAKey_Answers401()
    {
        var response = await fixture.Http().GetAsync("/api/v1/audit", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
