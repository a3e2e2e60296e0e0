using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Floyo.Testing;

namespace Floyo.Web.Tests.WakaTime;

/// <summary>
/// The read side checked with the real <c>wakatime-client</c> npm package (installed by .ci/run with <c>npm ci</c> in
/// WakaTime/client): its calls for the current user, summaries, stats, durations and projects return what was ingested.
/// </summary>
[Collection(nameof(WebCollection))]
public sealed class WakaTimeClientReadTests(FloyoWebFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WakaTimeClient_AfterIngestingHeartbeats_ReadsTheSameTimeBack()
    {
        var (userId, key) = await fixture.CreateUserAsync();
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));
        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

        // alpha at 10:00, 10:05, 10:10; beta at 10:12 and 10:40. With the default 15-minute timeout: alpha gets
        // 5 + 5 + 2 minutes (the gap before beta belongs to alpha's last heartbeat); beta's 28-minute gap counts nothing.
        var heartbeats = new (int Minute, string Project, string Entity)[] { (0, "alpha", "a.go"), (5, "alpha", "a.go"), (10, "alpha", "b.go"), (12, "beta", "c.py"), (40, "beta", "c.py") };
        var body = "[" + string.Join(',', heartbeats.Select(h =>
            $$"""{"entity": "{{h.Entity}}", "type": "file", "time": {{start.AddMinutes(h.Minute).ToUnixTimeSeconds()}}, "project": "{{h.Project}}", "language": "{{(h.Project == "alpha" ? "Go" : "Python")}}"}""")) + "]";
        var posted = await WakaTimeCli.Client(fixture, key).PostAsync("/api/v1/users/current/heartbeats.bulk", new StringContent(body, Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal([201, 201, 201, 201, 201], await WakaTimeCli.ParseBulkAsync(posted, 5));

        using var read = JsonDocument.Parse(await RunClientAsync(key, day));
        var root = read.RootElement;

        Assert.Equal(userId.ToString("D"), root.GetProperty("me").GetProperty("data").GetProperty("id").GetString());
        var summary = root.GetProperty("summary").GetProperty("data")[0];
        Assert.Equal(720, summary.GetProperty("grand_total").GetProperty("total_seconds").GetDouble());
        Assert.Equal("12 mins", summary.GetProperty("grand_total").GetProperty("text").GetString());
        Assert.Equal([("alpha", 720.0)], Items(summary.GetProperty("projects")));
        Assert.Equal([("Go", 720.0)], Items(summary.GetProperty("languages")));
        Assert.Equal(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), summary.GetProperty("range").GetProperty("date").GetString());
        var stats = root.GetProperty("stats").GetProperty("data");
        Assert.Equal(720, stats.GetProperty("total_seconds").GetDouble());
        Assert.Equal([("alpha", 720.0)], Items(stats.GetProperty("projects")));
        var duration = Assert.Single(root.GetProperty("durations").GetProperty("data").EnumerateArray());
        Assert.Equal(("alpha", start.ToUnixTimeSeconds(), 720.0), (duration.GetProperty("project").GetString(), (long)duration.GetProperty("time").GetDouble(), duration.GetProperty("duration").GetDouble()));
        Assert.Equal(["alpha"], root.GetProperty("projects").GetProperty("data").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    private static List<(string, double)> Items(JsonElement list) =>
        [.. list.EnumerateArray().Select(i => (i.GetProperty("name").GetString()!, i.GetProperty("total_seconds").GetDouble()))];

    private async Task<string> RunClientAsync(string key, DateOnly day)
    {
        var folder = Path.Combine(RepositoryLayout.Root, "tests", "Floyo.Web.Tests", "WakaTime", "client");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "wakatime-client")), $"Run 'npm ci' in {folder} first (.ci/run does).");
        var start = new ProcessStartInfo("node", "read.mjs") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["BASE_URL"] = new Uri(fixture.BaseAddress, "/api/v1/").ToString();
        start.Environment["API_KEY"] = key;
        start.Environment["DAY"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Cancel);
        var error = process.StandardError.ReadToEndAsync(Cancel);
        await process.WaitForExitAsync(Cancel).WaitAsync(TimeSpan.FromSeconds(60), Cancel);
        Assert.True(process.ExitCode == 0, $"node read.mjs failed: {await error}");
        return await output;
    }
}
