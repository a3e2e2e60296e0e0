using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Floyo.Web.Tests;

[Collection(nameof(WebCollection))]
public sealed class InsightsApiTests(FloyoWebFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AcceptAndDismiss_PersistAndOnlyTheOwnerCanAct()
    {
        var (userId, key) = await fixture.CreateUserAsync();
        var (_, otherKey) = await fixture.CreateUserAsync();
        var ids = await GiveInsightsAsync(userId);

        var accepted = await fixture.Http(key).PostAsync($"/api/v1/insights/{ids[0]}/accept", null, Cancel);
        var dismissed = await fixture.Http(key).PostAsync($"/api/v1/insights/{ids[1]}/dismiss", null, Cancel);
        var stranger = await fixture.Http(otherKey).PostAsync($"/api/v1/insights/{ids[2]}/accept", null, Cancel);
        using var open = await GetJsonAsync(key, "/api/v1/insights");
        using var acceptedList = await GetJsonAsync(key, "/api/v1/insights?status=accepted");
        using var all = await GetJsonAsync(key, "/api/v1/insights?status=all");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        await ProblemAssert.IsAsync(stranger, HttpStatusCode.NotFound);
        Assert.Equal([ids[0]], Ids(acceptedList));
        Assert.DoesNotContain(ids[0], Ids(open));
        Assert.DoesNotContain(ids[1], Ids(open));
        Assert.Contains(ids[2], Ids(open));
        Assert.Equal(ids.Count, Ids(all).Count);
        Assert.Equal("rules", all.RootElement.GetProperty("ranking").GetString());
        var first = all.RootElement.GetProperty("insights")[0];
        Assert.True(first.GetProperty("why").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Snooze_HidesTheInsightAndValidatesTheLength()
    {
        var (userId, key) = await fixture.CreateUserAsync();
        var ids = await GiveInsightsAsync(userId);

        var snoozed = await fixture.Http(key).PostAsJsonAsync($"/api/v1/insights/{ids[0]}/snooze", new { hours = 24 }, Cancel);
        var tooLong = await fixture.Http(key).PostAsJsonAsync($"/api/v1/insights/{ids[1]}/snooze", new { hours = 100_000 }, Cancel);
        var garbage = await fixture.Http(key).PostAsync($"/api/v1/insights/{ids[1]}/snooze", EventJson.Raw("{\"hours\": \"soon\""), Cancel);
        using var open = await GetJsonAsync(key, "/api/v1/insights");

        Assert.Equal(HttpStatusCode.OK, snoozed.StatusCode);
        Assert.Equal("snoozed", (await snoozed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("status").GetString());
        await ProblemAssert.HasFieldErrorAsync(tooLong, HttpStatusCode.BadRequest, "hours");
        await ProblemAssert.IsAsync(garbage, HttpStatusCode.BadRequest);
        Assert.DoesNotContain(ids[0], Ids(open));
    }

    [Theory]
    [InlineData("/api/v1/insights?status=bogus", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/insights?status=1", HttpStatusCode.BadRequest)]
    public async Task Get_WithABadStatus_Answers400(string path, HttpStatusCode status)
    {
        var (_, key) = await fixture.CreateUserAsync();

        await ProblemAssert.HasFieldErrorAsync(await fixture.Http(key).GetAsync(path, Cancel), status, "status");
    }

    [Theory]
    [InlineData("GET", "/api/v1/insights")]
    [InlineData("GET", "/api/v1/patterns")]
    [InlineData("POST", "/api/v1/insights/formatter:csharp/accept")]
    public async Task Routes_WithoutCredentials_Answer401(string method, string path)
    {
        var response = await fixture.Http().SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Accept_AnUnknownId_Answers404()
    {
        var (_, key) = await fixture.CreateUserAsync();

        await ProblemAssert.IsAsync(await fixture.Http(key).PostAsync("/api/v1/insights/nothing:here/accept", null, Cancel), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetPatterns_ForANewUser_AnswersAnEmptyReport()
    {
        var (userId, key) = await fixture.CreateUserAsync();

        using var report = await GetJsonAsync(key, "/api/v1/patterns");

        Assert.Equal(userId, report.RootElement.GetProperty("userId").GetGuid());
        Assert.Equal(0, report.RootElement.GetProperty("coEditGroups").GetArrayLength());
    }

    /// <summary>Gives the user insights as the pattern grain would (the insight rules run on a fixed report).</summary>
    private async Task<List<string>> GiveInsightsAsync(Guid userId)
    {
        var generated = await SampleInsights.GiveAsync(fixture, userId);

        Assert.True(generated.Insights.Count >= 3);
        return [.. generated.Insights.Select(i => i.Id)];
    }

    private async Task<JsonDocument> GetJsonAsync(string key, string path) =>
        JsonDocument.Parse(await fixture.Http(key).GetStringAsync(path, Cancel));

    private static List<string> Ids(JsonDocument document) =>
        [.. document.RootElement.GetProperty("insights").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
}
