using System.Text.RegularExpressions;

namespace Floyo.Web.Tests;

[Collection(nameof(WebCollection))]
public sealed partial class SecurityHeadersTests(FloyoWebFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/account/signin")]
    [InlineData("/account/signup")]
    [InlineData("/health/live")]
    public async Task Response_CarriesTheSecurityHeaders(string path)
    {
        using var response = await fixture.Http().GetAsync(path, Cancel);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9_-]{22}';", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Page_InlineImportMap_CarriesThisResponsesNonce()
    {
        using var first = await fixture.Http().GetAsync("/account/signin", Cancel);
        using var second = await fixture.Http().GetAsync("/account/signin", Cancel);

        var nonce = Nonce().Match(Assert.Single(first.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value;
        var otherNonce = Nonce().Match(Assert.Single(second.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value;
        var page = await first.Content.ReadAsStringAsync(Cancel);
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", page, StringComparison.Ordinal);
        Assert.NotEqual(nonce, otherNonce);
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();
}
