using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace Floyo.Web.Tests.Accounts;

/// <summary>A web app whose account limits are tiny: 5 attempts per IP and 2 per email address per action, refilling every 100 s.</summary>
public sealed class AccountRateLimitedWebFixture : FloyoWebFixture
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Floyo:RateLimits:AccountPerIp:RequestsPerSecond", "0.01");
        builder.UseSetting("Floyo:RateLimits:AccountPerIp:Burst", "5");
        builder.UseSetting("Floyo:RateLimits:AccountPerEmail:RequestsPerSecond", "0.01");
        builder.UseSetting("Floyo:RateLimits:AccountPerEmail:Burst", "2");
    }
}

public sealed class AccountRateLimitTests(AccountRateLimitedWebFixture fixture) : IClassFixture<AccountRateLimitedWebFixture>
{
    private static (string, string)[] Login(string email) => [("Login.Email", email), ("Login.Password", "some long password")];

    [Fact]
    public async Task Login_OverTheAddressOrTheIpLimit_Answers429WithRetryAfter()
    {
        using var session = new FormSession(fixture.BaseAddress);

        var first = await session.SubmitAsync("/account/signin", "login", Login("a@example.com"));
        var second = await session.SubmitAsync("/account/signin", "login", Login("a@example.com"));
        var thirdForAddress = await session.SubmitAsync("/account/signin", "login", Login("a@example.com"));
        var otherAddress = await session.SubmitAsync("/account/signin", "login", Login("b@example.com"));
        var fifthFromIp = await session.SubmitAsync("/account/signin", "login", Login("b@example.com"));
        var sixthFromIp = await session.SubmitAsync("/account/signin", "login", Login("c@example.com"));
        var signUpStillOpen = await session.SubmitAsync("/account/signup", "signup", ("Input.Email", "d@example.com"), ("Input.DisplayName", "D"), ("Input.Password", "a long enough passphrase"));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], [first.Status, second.Status]);
        Assert.Equal(HttpStatusCode.TooManyRequests, thirdForAddress.Status);
        Assert.InRange(int.Parse(thirdForAddress.RetryAfter!, CultureInfo.InvariantCulture), 1, 100);
        Assert.Contains("Too many attempts", thirdForAddress.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, otherAddress.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, fifthFromIp.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixthFromIp.Status);
        Assert.Equal(HttpStatusCode.OK, signUpStillOpen.Status);
    }

    [Fact]
    public async Task PasswordReset_ForOneAddress_IsLimitedPerAddress()
    {
        using var session = new FormSession(fixture.BaseAddress);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await session.SubmitAsync("/account/forgot", "forgot", ("Input.Email", "victim@example.com"))).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
