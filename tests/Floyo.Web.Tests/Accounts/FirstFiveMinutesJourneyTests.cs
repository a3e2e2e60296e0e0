using Microsoft.Playwright;

namespace Floyo.Web.Tests.Accounts;

/// <summary>
/// A stranger's first five minutes in one real browser: sign up, confirm the address from the mail with the password
/// (which signs in), walk the setup wizard (consent, a key, sample data) and see a first insight on the dashboard. Every page is scanned by axe
/// the moment it is shown.
/// </summary>
[Collection(nameof(WebCollection))]
public sealed class FirstFiveMinutesJourneyTests(FloyoWebFixture fixture)
{
    private const string Password = "a stranger's long passphrase";

    [Fact]
    public async Task Stranger_SignsUpVerifiesSignsInOnboardsAndSeesAFirstInsight_OnAccessiblePages()
    {
        var email = $"stranger-{Guid.NewGuid():N}@example.com";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(60_000);

        await page.GotoAsync(new Uri(fixture.BaseAddress, "/account/signup").ToString());
        await AxeScan.AssertNoSeriousViolationsAsync(page, "sign-up");
        await page.FillAsync("#signup-email", email);
        await page.FillAsync("#signup-name", "Stranger");
        await page.FillAsync("#signup-password", Password);
        await page.ClickAsync("[data-testid=signup-submit]");
        await page.WaitForSelectorAsync("[data-testid=signup-done]");
        await AxeScan.AssertNoSeriousViolationsAsync(page, "sign-up done");

        // The development mailbox is a dev-only page, but a developer trying Floyo reads it: it is held to the same bar.
        var verification = await DevMailboxPage.WaitForLinkAsync(page, fixture.BaseAddress, email, "/account/verify");
        await AxeScan.AssertNoSeriousViolationsAsync(page, "development mailbox");
        await page.GotoAsync(verification);
        await page.WaitForSelectorAsync("#verify-password");
        await AxeScan.AssertNoSeriousViolationsAsync(page, "confirm email");

        // Confirming takes the sign-up's password (a link alone never confirms) and signs the stranger in, straight
        // into the setup wizard: the sign-in page is not on this path (PasswordResetBrowserTests scans it).
        await page.FillAsync("#verify-password", Password);
        await page.ClickAsync("[data-testid=verify-submit]");
        await page.WaitForSelectorAsync("[data-step=welcome]");
        Assert.Equal("Step 1 of 3: Welcome", await page.InnerTextAsync("[data-testid=onboarding-progress]"));
        await AxeScan.AssertNoSeriousViolationsAsync(page, "wizard: welcome");
        await page.ClickAsync("[data-testid=welcome-continue]");

        await page.WaitForSelectorAsync("[data-step=privacy]");
        await AxeScan.AssertNoSeriousViolationsAsync(page, "wizard: privacy");
        await page.GetByLabel("Collect my activity").CheckAsync();
        await page.ClickAsync("[data-testid=privacy-continue]");

        await page.WaitForSelectorAsync("[data-step=setup]");
        await AxeScan.AssertNoSeriousViolationsAsync(page, "wizard: setup");
        await page.ClickAsync("[data-testid=create-key]");
        var key = await page.InnerTextAsync("[data-testid=api-key]");
        await AxeScan.AssertNoSeriousViolationsAsync(page, "wizard: setup with a new key");
        await page.ClickAsync("[data-testid=load-sample]");
        var loaded = await page.InnerTextAsync("[data-testid=sample-status]", new() { Timeout = 120_000 });
        await AxeScan.AssertNoSeriousViolationsAsync(page, "wizard: sample data loaded");
        await page.ClickAsync("[data-testid=setup-finish]");

        // The first insight is waited for in the page itself: it reaches the dashboard when the pattern grain has
        // worked through the sample (on load, or pushed live to the open page).
        var insight = page.Locator("[data-testid=insights-open] [data-testid=insight]").First;
        await insight.WaitForAsync(new() { Timeout = 120_000 });
        var title = await insight.Locator("h3").InnerTextAsync();
        await AxeScan.AssertNoSeriousViolationsAsync(page, "dashboard with a first insight");

        Assert.StartsWith("waka_", key, StringComparison.Ordinal);
        Assert.Matches("^Loaded [0-9,]+ sample events", loaded);
        Assert.NotEmpty(title.Trim());
        Assert.Equal(0, await page.Locator("[data-testid=getting-started]").CountAsync());
        Assert.Equal(new Uri(fixture.BaseAddress, "/").ToString(), page.Url);
    }
}
