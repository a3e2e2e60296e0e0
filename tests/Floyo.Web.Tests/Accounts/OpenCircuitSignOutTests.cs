using Microsoft.Playwright;

namespace Floyo.Web.Tests.Accounts;

/// <summary>
/// A dashboard left open in a tab runs on its Blazor circuit, not on HTTP requests: "sign out everywhere" elsewhere must
/// still end it (the fixture re-checks circuits every second; the default is a minute).
/// </summary>
[Collection(nameof(WebCollection))]
public sealed class OpenCircuitSignOutTests(FloyoWebFixture fixture)
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task OpenDashboard_WhenTheUserSignsOutEverywhereElsewhere_IsSentToTheSignInPage()
    {
        var email = $"open-tab-{Guid.NewGuid():N}@example.com";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var tab = await browser.NewPageAsync();
        await BrowserAccount.CreateVerifiedAsync(tab, fixture.BaseAddress, email, Password);
        await tab.GotoAsync(fixture.BaseAddress.ToString());
        await tab.WaitForSelectorAsync("[data-testid=dashboard]");

        using var laptop = new FormSession(fixture.BaseAddress);
        await laptop.SubmitAsync("/account/signin", "login", FormSession.Login(email, Password));
        await laptop.SubmitAsync("/account/profile", "sign-out-everywhere");

        await tab.WaitForSelectorAsync("#login-email", new() { Timeout = 30_000 });
        Assert.Contains("/account/signin", tab.Url, StringComparison.Ordinal);
        Assert.Equal(0, await tab.Locator("[data-testid=dashboard]").CountAsync());
    }
}
