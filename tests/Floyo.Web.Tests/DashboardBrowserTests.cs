using Microsoft.Playwright;

namespace Floyo.Web.Tests;

/// <summary>The dashboard in a real browser (Debian's Chromium driven by Playwright): it changes live, without reload.</summary>
[Collection(nameof(WebCollection))]
public sealed class DashboardBrowserTests(FloyoWebFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboard_WhenEventsArrive_UpdatesWithoutReload()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/").ToString());
        await page.ClickAsync("[data-testid=demo-signin]");
        await page.WaitForSelectorAsync("[data-testid=dashboard]");
        var before = long.Parse(await page.InnerTextAsync("[data-testid=total-events]"), System.Globalization.CultureInfo.InvariantCulture);
        var navigations = 0;
        page.FrameNavigated += (_, _) => navigations++;

        var response = await fixture.Http(FloyoWebFixture.DemoKey).PostAsync(
            "/api/v1/events", EventJson.Batch(EventJson.Event("browser/seen-live.go", "created", "browser-test")), Cancel);
        response.EnsureSuccessStatusCode();

        await page.WaitForSelectorAsync("[data-testid=by-project] li[data-name=browser-test]", new() { Timeout = 10_000 });
        Assert.Equal((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), await page.InnerTextAsync("[data-testid=total-events]"));
        Assert.Contains("browser/seen-live.go", await page.InnerTextAsync("[data-testid=recent-files]"), StringComparison.Ordinal);
        Assert.Equal(0, navigations);
    }
}
