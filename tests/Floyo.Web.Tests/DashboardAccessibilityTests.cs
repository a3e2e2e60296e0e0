using Microsoft.Playwright;

namespace Floyo.Web.Tests;

/// <summary>axe scans of the dashboard with data and insights: no serious or critical violations in light mode, dark mode
/// and at a phone's width (360 px).</summary>
[Collection(nameof(WebCollection))]
public sealed class DashboardAccessibilityTests(FloyoWebFixture fixture)
{
    [Fact]
    public async Task Dashboard_InLightDarkAndPhoneWidth_HasNoSeriousViolations()
    {
        var (session, _) = await DashboardSession.StartAsync(fixture, async (userId, key) =>
        {
            await DashboardSession.IngestAsync(fixture, key, "atlas", "src/a.cs", "src/b.cs", "tests/a_test.cs");
            await DashboardSession.GiveInsightsAsync(fixture, userId);
        });
        await using var _ = session;
        var page = session.Page;
        await page.WaitForSelectorAsync("[data-testid=insights-open] [data-testid=insight]");
        await page.WaitForSelectorAsync("[data-testid=time-projects] li[data-name=atlas]");

        await AssertAccessibleAsync(page, "light");
        var lightBackground = await BackgroundAsync(page);

        await page.ClickAsync("[data-testid=dark-mode-toggle]");
        await page.WaitForSelectorAsync("[data-testid=dark-mode-toggle][aria-pressed=true]");
        await page.WaitForFunctionAsync($"getComputedStyle(document.body).backgroundColor !== '{lightBackground}'");
        await AssertAccessibleAsync(page, "dark");

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-testid=dashboard]");
        await page.WaitForSelectorAsync("[data-testid=dark-mode-toggle][aria-pressed=true]");
        await page.SetViewportSizeAsync(360, 740);
        await AssertAccessibleAsync(page, "dark, 360 px");
        var tooWide = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 361 && !e.parentElement.closest('.floyo-heatmap-scroll, .floyo-table-scroll')).map(e => e.tagName + '.' + e.className + '@' + e.getBoundingClientRect().right)");
        Assert.True(tooWide.Length == 0, "Wider than 360 px: " + string.Join(", ", tooWide.Take(8)));
        Assert.Equal(360, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));

        await page.ClickAsync("[data-testid=dark-mode-toggle]");
        await page.WaitForSelectorAsync("[data-testid=dark-mode-toggle][aria-pressed=false]");
        await AssertAccessibleAsync(page, "light, 360 px");
    }

    private static Task<string> BackgroundAsync(IPage page) => page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");

    private static Task AssertAccessibleAsync(IPage page, string mode) => AxeScan.AssertNoSeriousViolationsAsync(page, "dashboard, " + mode);
}
