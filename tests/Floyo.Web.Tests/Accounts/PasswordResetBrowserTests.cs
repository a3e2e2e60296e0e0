using Microsoft.Playwright;

namespace Floyo.Web.Tests.Accounts;

/// <summary>"Forgot password" in a real browser: the mail in /dev/mailbox, the reset page, then only the new password
/// signs in. The forgot and reset pages are scanned by axe in each state they show.</summary>
[Collection(nameof(WebCollection))]
public sealed class PasswordResetBrowserTests(FloyoWebFixture fixture)
{
    private const string OldPassword = "my first long passphrase";
    private const string NewPassword = "my second long passphrase";

    [Fact]
    public async Task ForgotPassword_ThroughTheMailedLink_ReplacesThePassword_OnAccessiblePages()
    {
        var email = $"reset-{Guid.NewGuid():N}@example.com";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await BrowserAccount.CreateVerifiedAsync(page, fixture.BaseAddress, email, OldPassword);
        await BrowserAccount.SignOutAsync(page);

        await page.ClickAsync("a[href='/account/forgot']");
        await page.WaitForSelectorAsync("#forgot-email");
        await AxeScan.AssertNoSeriousViolationsAsync(page, "forgot password");
        await page.FillAsync("#forgot-email", email);
        await page.ClickAsync("[data-testid=forgot-submit]");
        await page.WaitForSelectorAsync("[data-testid=forgot-done]");
        await AxeScan.AssertNoSeriousViolationsAsync(page, "forgot password, link sent");

        var link = await DevMailboxPage.WaitForLinkAsync(page, fixture.BaseAddress, email, "/account/reset");
        await page.GotoAsync(link);
        await page.WaitForSelectorAsync("#reset-password");
        await AxeScan.AssertNoSeriousViolationsAsync(page, "reset password");
        await page.FillAsync("#reset-password", "password123");
        await page.ClickAsync("[data-testid=reset-submit]");
        var refused = await page.InnerTextAsync("[data-testid=form-errors]");
        await AxeScan.AssertNoSeriousViolationsAsync(page, "reset password, too common");
        await page.FillAsync("#reset-password", NewPassword);
        await page.ClickAsync("[data-testid=reset-submit]");
        await page.WaitForSelectorAsync("[data-testid=reset-done]");
        await AxeScan.AssertNoSeriousViolationsAsync(page, "reset password, done");

        await page.ClickAsync("[data-testid=reset-signin]");
        await page.WaitForSelectorAsync("#login-email");
        await BrowserAccount.SubmitSignInAsync(page, email, OldPassword);
        var oldPassword = await page.InnerTextAsync("[data-testid=form-errors]");
        await AxeScan.AssertNoSeriousViolationsAsync(page, "sign-in, wrong password");
        await BrowserAccount.SubmitSignInAsync(page, email, NewPassword);
        await page.WaitForSelectorAsync("[data-testid=dashboard]");

        Assert.Contains("too common", refused, StringComparison.Ordinal);
        Assert.Contains("do not match an account", oldPassword, StringComparison.Ordinal);
        Assert.Equal(new Uri(fixture.BaseAddress, "/").ToString(), page.Url);
    }
}
