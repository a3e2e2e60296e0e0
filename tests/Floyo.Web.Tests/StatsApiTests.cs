using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Floyo.Web.Tests;

[Collection(nameof(WebCollection))]
public sealed class StatsApiTests(FloyoWebFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetStats_AfterIngest_ReportsTheCallersTimeOnly()
    {
        var (_, key) = await fixture.CreateUserAsync();
        var (_, otherKey) = await fixture.CreateUserAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-20);
        var posted = await fixture.Http(key).PostAsync("/api/v1/events", EventJson.Batch(
            At("src/a.cs", start), At("src/a.cs", start.AddMinutes(5)), At("src/b.ts", start.AddMinutes(10))), Cancel);
        posted.EnsureSuccessStatusCode();

        using var mine = JsonDocument.Parse(await fixture.Http(key).GetStringAsync("/api/v1/stats?range=7d", Cancel));
        using var theirs = JsonDocument.Parse(await fixture.Http(otherKey).GetStringAsync("/api/v1/stats?range=today", Cancel));

        var root = mine.RootElement;
        Assert.Equal(600, root.GetProperty("totalSeconds").GetDouble(), 3);
        Assert.Equal(7, root.GetProperty("days").GetArrayLength());
        Assert.Equal(".cs", root.GetProperty("breakdown").GetProperty("extensions")[0].GetProperty("name").GetString());
        Assert.Equal(7, root.GetProperty("heatmap").GetArrayLength());
        Assert.InRange(root.GetProperty("account").GetProperty("currentStreakDays").GetInt32(), 1, 2);
        Assert.Equal(0, theirs.RootElement.GetProperty("totalSeconds").GetDouble());
    }

    [Theory]
    [InlineData("range=forever", "range")]
    [InlineData("start=2026-13-01&end=2026-01-02", "start")]
    [InlineData("start=2026-01-02&end=2025-01-01", "end")]
    [InlineData("start=2024-01-01&end=2026-01-01", "end")]
    [InlineData("start=2026-01-01", "end")]
    [InlineData("range=7d&start=2026-01-01&end=2026-01-02", "range")]
    [InlineData("project=", "project")]
    [InlineData("language=%00", "language")]
    public async Task GetStats_WithBadParameters_Answers400NamingTheField(string query, string field)
    {
        var (_, key) = await fixture.CreateUserAsync();

        var response = await fixture.Http(key).GetAsync($"/api/v1/stats?{query}", Cancel);

        await ProblemAssert.HasFieldErrorAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task GetStats_WithoutCredentials_Answers401()
    {
        var response = await fixture.Http().GetAsync("/api/v1/stats", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static object At(string entity, DateTimeOffset time) =>
        new { kind = "modified", entity, timestamp = time.ToString("O", CultureInfo.InvariantCulture), project = "floyo" };
}
