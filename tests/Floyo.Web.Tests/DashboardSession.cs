using System.Globalization;
using Microsoft.Playwright;

namespace Floyo.Web.Tests;

/// <summary>A Chromium page signed in to the dashboard as one user, plus ways to give that user data.</summary>
internal sealed class DashboardSession(IPlaywright playwright, IBrowser browser, IPage page, string key) : IAsyncDisposable
{
    public IPage Page => page;

    public string Key => key;

    /// <summary>Signs in a new consenting user with its API key and waits for the dashboard.</summary>
    public static async Task<(DashboardSession Session, Guid UserId)> StartAsync(FloyoWebFixture fixture, Func<Guid, string, Task>? before = null)
    {
        var (userId, key) = await fixture.CreateUserAsync();
        if (before is not null)
        {
            await before(userId, key);
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/").ToString());
        await page.FillAsync("#api-key", key);
        await page.ClickAsync("[data-testid=key-signin]");
        await page.WaitForSelectorAsync("[data-testid=dashboard]");
        return (new DashboardSession(playwright, browser, page, key), userId);
    }

    /// <summary>
    /// Posts change events of <paramref name="project"/> 5 minutes apart through the real API, ending 5 minutes ago (so
    /// 5 minutes of active time per pair), all on today's UTC date (the user's zone): just after midnight they start at
    /// midnight instead, a few minutes ahead of the clock (the API takes up to an hour). Returns the first event's time.
    /// </summary>
    public static async Task<DateTimeOffset> IngestAsync(FloyoWebFixture fixture, string key, string project, params string[] files)
    {
        var now = DateTimeOffset.UtcNow;
        var midnight = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var start = now.AddMinutes(-5 * files.Length) < midnight ? midnight : now.AddMinutes(-5 * files.Length);
        var events = files.Select((file, i) => (object)new
        {
            kind = "modified",
            entity = file,
            timestamp = start.AddMinutes(5 * i).ToString("O", CultureInfo.InvariantCulture),
            project,
            language = "C#",
            editor = "vscode",
            branch = "main",
        }).ToArray();
        var response = await fixture.Http(key).PostAsync("/api/v1/events", EventJson.Batch(events), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return start;
    }

    /// <summary>Gives the user insights as the pattern grain would (the insight rules run on a fixed report).</summary>
    public static async Task<IReadOnlyList<string>> GiveInsightsAsync(FloyoWebFixture fixture, Guid userId)
    {
        var generated = await SampleInsights.GiveAsync(fixture, userId);
        return [.. generated.Insights.Select(i => i.Id)];
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
