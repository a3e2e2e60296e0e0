using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Floyo.Web.Tests;

/// <summary>The one way browser tests check accessibility: an axe scan of the page as it is now, failing on any serious
/// or critical violation. No rule is switched off.</summary>
internal static class AxeScan
{
    /// <summary>Waits until the page's animations have finished, scans it, and fails naming <paramref name="where"/> and each violation.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string where)
    {
        // Scan the settled page: while a colour transition or a ripple runs, axe would measure half-way colours.
        await WaitForAnimationsAsync(page);
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe ({where}, {page.Url}): " + string.Join("; ", serious.Select(Describe)));
    }

    /// <summary>Waits until no animation or transition runs on the page.</summary>
    public static async Task WaitForAnimationsAsync(IPage page)
    {
        // Polled from here: Playwright's WaitForFunction evaluates through eval, which the CSP forbids.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!await page.EvaluateAsync<bool>("document.getAnimations().every(a => a.playState !== 'running')"))
        {
            await Task.Delay(50, patience.Token);
        }
    }

    private static string Describe(AxeResultItem violation) =>
        $"{violation.Id} ({violation.Impact}): {violation.Help} at {string.Join(", ", violation.Nodes.Take(3).Select(n => n.Html + " " + string.Join(" ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))))}";
}
