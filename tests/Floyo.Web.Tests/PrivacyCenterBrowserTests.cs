using System.Net;
using System.Text.Json;
using Floyo.Web.Export;
using Microsoft.Playwright;

namespace Floyo.Web.Tests;

/// <summary>The privacy center in a real browser: the export downloads, retention is chosen, "What we collect" lists the schema, the account deletes after typed confirmation.</summary>
[Collection(nameof(WebCollection))]
public sealed class PrivacyCenterBrowserTests(FloyoWebFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PrivacyCenter_DownloadsTheExportThenDeletesTheAccountAndSignsOut()
    {
        var (userId, key) = await fixture.CreateUserAsync();
        (await fixture.Http(key).PostAsync("/api/v1/events", EventJson.Batch(EventJson.Event("src/browser.cs"), EventJson.Event("src/other.cs")), Cancel)).EnsureSuccessStatusCode();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/account/signin").ToString());
        await page.FillAsync("#api-key", key);
        await page.ClickAsync("[data-testid=key-signin]");
        await page.WaitForURLAsync(new Uri(fixture.BaseAddress, "/").ToString());

        await page.ClickAsync("[data-testid=nav-privacy]");
        await page.WaitForSelectorAsync("[data-testid=privacy-center]");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-json]"));
        var path = Path.Combine(Path.GetTempPath(), $"floyo-export-{Guid.NewGuid():N}.json");
        await download.SaveAsAsync(path);
        var export = JsonDocument.Parse(await File.ReadAllTextAsync(path, Cancel)).RootElement;
        File.Delete(path);

        Assert.Equal(userId, export.GetProperty("profile").GetProperty("userId").GetGuid());
        Assert.Equal(["src/browser.cs", "src/other.cs"], export.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("entity").GetString()));

        // The download left the page where it was; the export shows up in the audit log once the page loads it again.
        Assert.EndsWith("/privacy", page.Url, StringComparison.Ordinal);
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/privacy").ToString());
        await page.WaitForSelectorAsync("[data-testid=audit-log] tr[data-action=DataExported]");
        await page.ClickAsync("[data-testid=retention] input[value=Days90], [data-testid=retention] label:has-text('90 days')");
        await page.WaitForSelectorAsync("[data-testid=audit-log] tr[data-action=RetentionChanged]");

        // "What we collect" is generated from the schema and shows the settings just chosen.
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/privacy/collect").ToString());
        Assert.Equal(EventFields.All.Count, await page.Locator("[data-testid=event-fields] tr[data-field]").CountAsync());
        Assert.Contains("90 days", await page.InnerTextAsync("[data-testid=collect-retention]"), StringComparison.Ordinal);

        await page.GotoAsync(new Uri(fixture.BaseAddress, "/privacy").ToString());
        await page.WaitForSelectorAsync("[data-testid=privacy-center]");
        Assert.True(await page.IsDisabledAsync("[data-testid=delete-account]"));
        await page.FillAsync("input[data-testid=delete-confirmation], [data-testid=delete-confirmation] input", "delete my account");
        await page.ClickAsync("[data-testid=delete-account]:not([disabled])");
        await page.WaitForSelectorAsync("[data-testid=account-deleted]");

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Http(key).GetAsync("/api/v1/privacy", Cancel)).StatusCode);
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/privacy").ToString());
        await page.WaitForURLAsync(url => url.Contains("/account/signin", StringComparison.Ordinal));
    }
}
