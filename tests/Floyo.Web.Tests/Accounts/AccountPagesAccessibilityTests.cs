using Microsoft.Playwright;

namespace Floyo.Web.Tests.Accounts;

/// <summary>
/// axe scans of the account and privacy pages a signed-in user reaches — profile, API keys, privacy center, "What we
/// collect", the new user's dashboard, a failed confirmation link, the account-deleted page — in light mode and dark
/// mode, with the states they show after use (a saved profile, a new and a revoked key, an audit log). The dark pass
/// also covers the sign-up, sign-in, password, mailbox and wizard pages, whose light mode the journey tests scan, and is
/// repeated at a phone's width (360 px), where no page may scroll sideways.
/// </summary>
[Collection(nameof(WebCollection))]
public sealed class AccountPagesAccessibilityTests(FloyoWebFixture fixture)
{
    private const string Password = "an accessible long passphrase";

    /// <summary>Each page with what shows it is ready (interactive pages render their content only once connected).</summary>
    private static readonly (string Path, string Ready)[] SignedInPages =
    [
        ("/", "[data-testid=getting-started]"),
        ("/account/keys", "[data-testid=key-list] tr[data-key-id]"),
        ("/privacy", "[data-testid=audit-log] tr[data-action]"),
        ("/privacy/collect", "[data-testid=event-fields]"),
        ("/account/verify?user=00000000-0000-0000-0000-000000000000&token=x", "[data-testid=verify-failed]"),
    ];

    /// <summary>Pages whose light mode the journey and password-reset tests scan.</summary>
    private static readonly (string Path, string Ready)[] JourneyPages =
    [
        ("/account/signup", "#signup-email"),
        ("/account/signin", "#login-email"),
        ("/account/forgot", "#forgot-email"),
        ("/account/reset?user=00000000-0000-0000-0000-000000000000&token=x", "#reset-password"),
        ("/dev/mailbox", "[data-testid=mail]"),
        ("/onboarding", "[data-step=welcome]"),
    ];

    [Fact]
    public async Task AccountAndPrivacyPages_InLightAndDarkMode_HaveNoSeriousViolations()
    {
        var email = $"axe-{Guid.NewGuid():N}@example.com";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await BrowserAccount.CreateVerifiedAsync(page, fixture.BaseAddress, email, Password);
        var lightBackground = await BackgroundAsync(page);

        await page.GotoAsync(Url("/account/keys"));
        await CreateKeyAsync(page, "old laptop");
        await page.ClickAsync("button[aria-label='Revoke key old laptop']");
        await page.WaitForSelectorAsync("[data-testid=key-list] td:has-text('revoked')");
        await CreateKeyAsync(page, "new laptop");
        await AxeScan.AssertNoSeriousViolationsAsync(page, "light, API keys with a new key");
        await SaveProfileAndScanAsync(page, "light", lightBackground);
        foreach (var (path, ready) in SignedInPages)
        {
            await page.GotoAsync(Url(path));
            await page.WaitForSelectorAsync(ready);
            await AxeScan.AssertNoSeriousViolationsAsync(page, "light");
        }

        await page.ClickAsync("[data-testid=dark-mode-toggle]");
        await WaitForBackgroundAsync(page, b => b != lightBackground);
        await AxeScan.WaitForAnimationsAsync(page);
        var darkBackground = await BackgroundAsync(page);
        await SaveProfileAndScanAsync(page, "dark", darkBackground);
        foreach (var (path, ready) in SignedInPages.Concat(JourneyPages))
        {
            await page.GotoAsync(Url(path));
            await page.WaitForSelectorAsync(ready);
            await WaitForBackgroundAsync(page, b => b == darkBackground);
            await AxeScan.AssertNoSeriousViolationsAsync(page, "dark");
        }

        await page.SetViewportSizeAsync(360, 740);
        await SaveProfileAndScanAsync(page, "dark, 360 px", darkBackground);
        Assert.Empty(await WiderThanTheScreenAsync(page));
        foreach (var (path, ready) in SignedInPages.Concat(JourneyPages))
        {
            await page.GotoAsync(Url(path));
            await page.WaitForSelectorAsync(ready);
            await WaitForBackgroundAsync(page, b => b == darkBackground);
            await AxeScan.AssertNoSeriousViolationsAsync(page, "dark, 360 px");
            Assert.Empty(await WiderThanTheScreenAsync(page));
        }

        await page.GotoAsync(Url("/privacy"));
        await page.FillAsync("input[data-testid=delete-confirmation], [data-testid=delete-confirmation] input", "delete my account");
        await page.ClickAsync("[data-testid=delete-account]:not([disabled])");
        await page.WaitForSelectorAsync("[data-testid=deletion-receipt]");
        await WaitForBackgroundAsync(page, b => b == darkBackground);
        await AxeScan.AssertNoSeriousViolationsAsync(page, "dark, account deleted");
        await page.ClickAsync("[data-testid=dark-mode-toggle]");
        await WaitForBackgroundAsync(page, b => b == lightBackground);
        await AxeScan.AssertNoSeriousViolationsAsync(page, "light, account deleted");
    }

    private static async Task CreateKeyAsync(IPage page, string label)
    {
        await page.FillAsync("#key-label", label);
        await page.ClickAsync("[data-testid=create-key]");
        await page.WaitForSelectorAsync("[data-testid=new-key]");
    }

    /// <summary>The profile page in the state after saving: the form plus its "Saved." status.</summary>
    private async Task SaveProfileAndScanAsync(IPage page, string mode, string background)
    {
        await page.GotoAsync(Url("/account/profile"));
        await page.FillAsync("#profile-name", "Axe " + mode);
        await page.ClickAsync("[data-testid=profile-submit]");
        await page.WaitForSelectorAsync("[data-testid=profile-saved]");
        await WaitForBackgroundAsync(page, b => b == background);
        await AxeScan.AssertNoSeriousViolationsAsync(page, mode + ", profile saved");
    }

    /// <summary>
    /// The page (its URL) and the elements reaching past the viewport's right edge when the page is wider than the
    /// viewport (a phone user should never scroll sideways to read it); empty when it fits.
    /// </summary>
    private static async Task<string[]> WiderThanTheScreenAsync(IPage page) =>
        await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")
            ? []
            : [page.Url, .. await page.EvaluateAsync<string[]>(
                "[...document.querySelectorAll('body *')].map(e => [e, e.getBoundingClientRect().right]).sort((a, b) => b[1] - a[1]).slice(0, 6)"
                + ".map(([e, right]) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${[...e.classList].join('.')} ends at ${Math.round(right)} of ${window.innerWidth}, page ${document.documentElement.scrollWidth}`)")];

    private static Task<string> BackgroundAsync(IPage page) => page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");

    /// <summary>The theme is applied once the page's interactive part has started and read the stored choice: waits for it.</summary>
    private static async Task WaitForBackgroundAsync(IPage page, Func<string, bool> expected)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!expected(await BackgroundAsync(page)))
        {
            await Task.Delay(50, patience.Token);
        }
    }

    private string Url(string path) => new Uri(fixture.BaseAddress, path).ToString();
}
