using Microsoft.Playwright;

namespace Floyo.Web.Tests.Accounts;

/// <summary>Reads mail the way a developer does in the embedded default: by opening /dev/mailbox in the browser.</summary>
internal static class DevMailboxPage
{
    /// <summary>
    /// Opens the mailbox until a message to <paramref name="email"/> with a link to <paramref name="path"/> has been
    /// delivered there (the outbox sends in the background) and returns the newest such link. The page is left on the mailbox.
    /// </summary>
    public static async Task<string> WaitForLinkAsync(IPage page, Uri baseAddress, string email, string path)
    {
        var links = page.Locator("[data-testid=mail]", new() { HasText = email }).Locator($"[data-testid=mail-link][href*='{path}']");
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            await page.GotoAsync(new Uri(baseAddress, "/dev/mailbox").ToString());
            if (await links.CountAsync() > 0)
            {
                return (await links.First.GetAttributeAsync("href"))!;
            }

            await page.WaitForTimeoutAsync(200);
        }

        throw new TimeoutException($"No mail to {email} with a link to {path} in the development mailbox.");
    }
}
