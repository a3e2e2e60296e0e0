using Microsoft.Playwright;

namespace Floyo.Web.Tests.Accounts;

/// <summary>Password accounts made and used the way a person does it, in the browser.</summary>
internal static class BrowserAccount
{
    /// <summary>
    /// Signs up <paramref name="email"/>, opens the confirmation link from /dev/mailbox and confirms with the password;
    /// the browser is then signed in, on the setup wizard.
    /// </summary>
    public static async Task CreateVerifiedAsync(IPage page, Uri baseAddress, string email, string password)
    {
        await page.GotoAsync(new Uri(baseAddress, "/account/signup").ToString());
        await page.FillAsync("#signup-email", email);
        await page.FillAsync("#signup-name", "Browser user");
        await page.FillAsync("#signup-password", password);
        await page.ClickAsync("[data-testid=signup-submit]");
        await page.WaitForSelectorAsync("[data-testid=signup-done]");
        await page.GotoAsync(await DevMailboxPage.WaitForLinkAsync(page, baseAddress, email, "/account/verify"));
        await page.FillAsync("#verify-password", password);
        await page.ClickAsync("[data-testid=verify-submit]");
        await page.WaitForSelectorAsync("[data-step=welcome]");
    }

    /// <summary>Signs out with the app bar's button and waits for the sign-in page.</summary>
    public static async Task SignOutAsync(IPage page)
    {
        await page.ClickAsync("[data-testid=sign-out]");
        await page.WaitForSelectorAsync("#login-email");
    }

    /// <summary>Submits the sign-in form on the page already open at /account/signin.</summary>
    public static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", password);
        await page.ClickAsync("[data-testid=login-submit]");
    }
}
