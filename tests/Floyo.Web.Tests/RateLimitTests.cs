using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace Floyo.Web.Tests;

/// <summary>A web app with tiny limits: 3 requests per key, 6 per address, refilling one request every 100 s.</summary>
public sealed class RateLimitedWebFixture : FloyoWebFixture
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Floyo:RateLimits:PerKey:RequestsPerSecond", "0.01");
        builder.UseSetting("Floyo:RateLimits:PerKey:Burst", "3");
        builder.UseSetting("Floyo:RateLimits:PerIp:RequestsPerSecond", "0.01");
        builder.UseSetting("Floyo:RateLimits:PerIp:Burst", "6");
    }
}

public sealed class RateLimitTests(RateLimitedWebFixture fixture) : IClassFixture<RateLimitedWebFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_WhenOneKeyExceedsItsLimit_Answers429ToItAloneWithRetryAfterAndRateLimitHeaders()
    {
        var (_, abusive) = await fixture.CreateUserAsync();
        var (_, polite) = await fixture.CreateUserAsync();
        using var abuser = fixture.Http(abusive);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await abuser.PostAsync("/api/v1/events", EventJson.Batch(EventJson.Event($"f{i}.cs")), Cancel);
            statuses.Add(last.StatusCode);
        }

        var other = await fixture.Http(polite).PostAsync("/api/v1/events", EventJson.Batch(EventJson.Event("mine.cs")), Cancel);

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        await ProblemAssert.IsAsync(last, HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(last.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 100);
        Assert.Equal("3", Assert.Single(last.Headers.GetValues("RateLimit-Limit")));
        Assert.Equal("0", Assert.Single(last.Headers.GetValues("RateLimit-Remaining")));
        Assert.True(last.Headers.Contains("RateLimit-Reset"));
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
    }
}
