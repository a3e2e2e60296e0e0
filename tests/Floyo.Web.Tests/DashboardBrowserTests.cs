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
        var before = long.Parse(await page.InnerTextAsync("[data-testid=total-events-value]"), System.Globalization.CultureInfo.InvariantCulture);
        var navigations = 0;
        page.FrameNavigated += (_, _) => navigations++;

        var response = await fixture.Http(FloyoWebFixture.DemoKey).PostAsync(
            "/api/v1/events", EventJson.Batch(EventJson.Event("browser/seen-live.go", "created", "browser-test")), Cancel);
        response.EnsureSuccessStatusCode();

        await page.WaitForSelectorAsync("[data-testid=by-project] li[data-name=browser-test]", new() { Timeout = 10_000 });
        Assert.Equal((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), await page.InnerTextAsync("[data-testid=total-events-value]"));
        Assert.Contains("browser/seen-live.go", await page.InnerTextAsync("[data-testid=recent-files]"), StringComparison.Ordinal);
        Assert.Equal(0, navigations);
    }

    [Fact]
    public async Task Dashboard_WithData_ShowsTimeHeatmapSearchAndFilters()
    {
        var start = DateTimeOffset.MinValue;
        var (session, _) = await DashboardSession.StartAsync(fixture, async (_, key) =>
            start = await DashboardSession.IngestAsync(fixture, key, "atlas", "src/Billing/Invoice.cs", "src/Billing/Invoice.cs", "src/Billing/Tax.cs"));
        await using var _ = session;
        var page = session.Page;

        await page.WaitForSelectorAsync("[data-testid=time-projects] li[data-name=atlas]");
        Assert.Equal("10 min", await page.InnerTextAsync("[data-testid=card-week-value]"));
        Assert.Contains("10 min", await page.InnerTextAsync("[data-testid=time-languages] li[data-name='C#']"), StringComparison.Ordinal);
        Assert.StartsWith("Busiest hour:", await page.InnerTextAsync("[data-testid=heatmap-summary]"), StringComparison.Ordinal);
        Assert.Equal(7 * 24, await page.Locator("[data-testid=heatmap] tbody td").CountAsync());
        var hoursWorked = start.Hour == start.AddMinutes(10).AddTicks(-1).Hour ? 1 : 2;
        Assert.Equal(hoursWorked, await page.Locator("[data-testid=heatmap] td:not(.floyo-heat-0)").CountAsync());

        await page.FillAsync("[data-testid=search] input", "invoice");
        await page.WaitForSelectorAsync("[data-testid=search-results] li:has-text('src/Billing/Invoice.cs')");
        Assert.Equal(1, await page.Locator("[data-testid=search-results] li").CountAsync());

        await page.ClickAsync("[data-range='12m']");
        await page.WaitForSelectorAsync("[data-range='12m'][aria-pressed=true]");
        await page.SelectOptionAsync("[data-testid=filter-project]", "atlas");
        await page.WaitForSelectorAsync("[data-testid=trend-summary]:has-text('10 min on 1 active day')");
    }

    [Fact]
    public async Task Dashboard_WhenTimeIsIngested_UpdatesChartsWithoutReload()
    {
        var (session, _) = await DashboardSession.StartAsync(fixture);
        await using var _ = session;
        var page = session.Page;
        await page.WaitForSelectorAsync("[data-testid=getting-started]");
        Assert.Contains("No insights yet", await page.InnerTextAsync("[data-testid=insights-empty]"), StringComparison.Ordinal);
        var navigations = 0;
        page.FrameNavigated += (_, _) => navigations++;

        await DashboardSession.IngestAsync(fixture, session.Key, "beacon", "lib/a.ts", "lib/b.ts");

        await page.WaitForSelectorAsync("[data-testid=time-projects] li[data-name=beacon]", new() { Timeout = 10_000 });
        Assert.Equal("5 min", await page.InnerTextAsync("[data-testid=card-today-value]"));
        Assert.Equal(0, await page.Locator("[data-testid=getting-started]").CountAsync());
        Assert.Equal(0, navigations);
    }

    [Fact]
    public async Task Insights_AcceptDismissAndSnoozeForAMonth_PersistAcrossReload()
    {
        IReadOnlyList<string> ids = [];
        var (session, _) = await DashboardSession.StartAsync(fixture, async (userId, _) => ids = await DashboardSession.GiveInsightsAsync(fixture, userId));
        await using var _ = session;
        var page = session.Page;
        await page.WaitForSelectorAsync($"[data-testid=insights-open] [data-insight-id='{ids[0]}']");

        await page.ClickAsync($"[data-insight-id='{ids[0]}'] [data-testid=insight-accept]");
        await page.WaitForSelectorAsync($"[data-testid=insights-accepted] [data-insight-id='{ids[0]}'][data-status=accepted]");
        await page.ClickAsync($"[data-insight-id='{ids[1]}'] [data-testid=insight-dismiss]");
        await page.WaitForSelectorAsync($"[data-testid=insights-hidden] [data-insight-id='{ids[1]}'][data-status=dismissed]", new() { State = WaitForSelectorState.Attached });
        await page.ClickAsync($"[data-insight-id='{ids[2]}'] [data-testid=insight-snooze-month]");
        await page.WaitForSelectorAsync($"[data-testid=insights-hidden] [data-insight-id='{ids[2]}'][data-status=snoozed]", new() { State = WaitForSelectorState.Attached });
        var snoozedUntil = DateTime.UtcNow.AddDays(30);
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-testid=dashboard]");

        Assert.Equal(1, await page.Locator($"[data-testid=insights-accepted] [data-insight-id='{ids[0]}'][data-status=accepted]").CountAsync());
        Assert.Equal(1, await page.Locator($"[data-testid=insights-hidden] [data-insight-id='{ids[1]}'][data-status=dismissed]").CountAsync());
        Assert.Equal(0, await page.Locator($"[data-testid=insights-open] [data-insight-id='{ids[0]}']").CountAsync());
        Assert.Equal(0, await page.Locator($"[data-testid=insights-open] [data-insight-id='{ids[1]}']").CountAsync());
        Assert.Equal(0, await page.Locator($"[data-testid=insights-open] [data-insight-id='{ids[2]}']").CountAsync());
        var snoozed = await page.Locator($"[data-testid=insights-hidden] [data-insight-id='{ids[2]}'] [data-testid=insight-status]").TextContentAsync();
        Assert.Contains(
            snoozed ?? "",
            new[] { snoozedUntil.AddDays(-1), snoozedUntil, snoozedUntil.AddDays(1) }.Select(d => "Snoozed until " + d.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
