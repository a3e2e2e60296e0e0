using System.Text.Json;
using Microsoft.Playwright;

namespace Floyo.Web.Tests;

/// <summary>The first-run wizard in a real browser: three steps, progress saved, a key with ready-made configuration, sample data.</summary>
[Collection(nameof(WebCollection))]
public sealed class OnboardingBrowserTests(FloyoWebFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Wizard_WalksThroughTheStepsResumesAfterReloadAndLeadsToAFirstInsight()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/").ToString());
        await page.ClickAsync("[data-testid=demo-signin]");
        await page.WaitForSelectorAsync("[data-testid=dashboard]");
        await page.GotoAsync(new Uri(fixture.BaseAddress, "/onboarding").ToString());

        await page.WaitForSelectorAsync("[data-step=welcome]");
        Assert.Contains("Step 1 of 3", await page.InnerTextAsync("[data-testid=onboarding-progress]"), StringComparison.Ordinal);
        await page.ClickAsync("[data-testid=welcome-continue]");
        await page.WaitForSelectorAsync("[data-step=privacy]");
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-step=privacy]");
        await page.ClickAsync("text=Relative: the path inside the project");
        await page.ClickAsync("[data-testid=privacy-continue]");

        await page.WaitForSelectorAsync("[data-step=setup]");
        await page.ClickAsync("[data-testid=create-key]");
        var key = await page.InnerTextAsync("[data-testid=api-key]");
        var agent = await page.InnerTextAsync("[data-testid=agent-config]");
        var wakatime = await page.InnerTextAsync("[data-testid=wakatime-config]");
        await page.ClickAsync("[data-testid=load-sample]");
        var sample = await page.WaitForSelectorAsync("[data-testid=sample-status]", new() { Timeout = 60_000 });
        var sampleText = await sample!.InnerTextAsync();
        await page.ClickAsync("[data-testid=setup-finish]");
        await page.WaitForSelectorAsync("[data-testid=dashboard]");

        Assert.StartsWith("waka_", key, StringComparison.Ordinal);
        Assert.Contains($"--server {fixture.BaseAddress.ToString().TrimEnd('/')} --privacy relative", agent, StringComparison.Ordinal);
        Assert.Contains(key, agent, StringComparison.Ordinal);
        Assert.Contains($"api_url = {fixture.BaseAddress.ToString().TrimEnd('/')}/api/v1", wakatime, StringComparison.Ordinal);
        Assert.Contains($"api_key = {key}", wakatime, StringComparison.Ordinal);
        Assert.Matches("Loaded [0-9,]+ sample events|already in your account", sampleText);
        (await fixture.Http(key).GetAsync("/api/v1/stats?range=today", Cancel)).EnsureSuccessStatusCode();
        var progress = await WaitForFirstInsightAsync(key);
        Assert.False(progress.TryGetProperty("nextStep", out var next) && next.ValueKind != JsonValueKind.Null);
        Assert.Equal("relative", progress.GetProperty("agentPrivacy").GetString());
        Assert.Equal(JsonValueKind.String, progress.GetProperty("firstEventAt").ValueKind);
    }

    private async Task<JsonElement> WaitForFirstInsightAsync(string key)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        patience.CancelAfter(TimeSpan.FromSeconds(90));
        while (true)
        {
            using var progress = JsonDocument.Parse(await fixture.Http(key).GetStringAsync("/api/v1/onboarding", patience.Token));
            if (progress.RootElement.TryGetProperty("firstInsightAt", out var at) && at.ValueKind == JsonValueKind.String)
            {
                return progress.RootElement.Clone();
            }

            await Task.Delay(100, patience.Token);
        }
    }
}
