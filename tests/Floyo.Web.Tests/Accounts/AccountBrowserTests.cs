using Microsoft.Playwright;

namespace Floyo.Web.Tests.Accounts;

/// <summary>
/// Sign-up, email confirmation through the development mailbox, and login in a real browser, watching for any
/// Content-Security-Policy violation on the way (console reports and securitypolicyviolation events).
/// </summary>
[Collection(nameof(WebCollection))]
public sealed class AccountBrowserTests(FloyoWebFixture fixture)
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task SignUpConfirmAndLogin_InChromium_WorkWithoutCspViolations()
    {
        var email = $"browser-{Guid.NewGuid():N}@example.com";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                problems.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status} {response.Url}");
            }
        };
        await page.AddInitScriptAsync("window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");

        await page.GotoAsync(Url("/account/signup"));
        await page.FillAsync("#signup-email", email);
        await page.FillAsync("#signup-name", "Browser");
        await page.FillAsync("#signup-password", Password);
        await page.ClickAsync("[data-testid=signup-submit]");
        await page.WaitForSelectorAsync("[data-testid=signup-done]");
        var signUpViolations = await page.EvaluateAsync<string[]>("window.__csp");

        var link = await DevMailboxPage.WaitForLinkAsync(page, fixture.BaseAddress, email, "/account/verify");
        await page.GotoAsync(link);
        await page.FillAsync("#verify-password", Password);
        await page.ClickAsync("[data-testid=verify-submit]");
        await page.WaitForSelectorAsync("[data-step=welcome]");
        await BrowserAccount.SignOutAsync(page);

        await BrowserAccount.SubmitSignInAsync(page, email, Password);
        await page.WaitForSelectorAsync("[data-testid=dashboard]");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        var dashboardViolations = await page.EvaluateAsync<string[]>("window.__csp");

        Assert.Empty(signUpViolations);
        Assert.Empty(dashboardViolations);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private string Url(string path) => new Uri(fixture.BaseAddress, path).ToString();
}
