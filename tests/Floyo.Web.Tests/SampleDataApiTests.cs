using System.Net;
using System.Net.Http.Json;
using Floyo.Patterns;
using Floyo.Web.Services;

namespace Floyo.Web.Tests;

[Collection(nameof(WebCollection))]
public sealed class SampleDataApiTests(FloyoWebFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_Twice_LoadsTheSampleOnceAndFeedsThePatterns()
    {
        var (userId, key) = await fixture.CreateUserAsync();

        var first = await fixture.Http(key).PostAsync("/api/v1/sample-data", null, Cancel);
        var loaded = await first.Content.ReadFromJsonAsync<SampleDataResult>(Cancel);
        var second = await fixture.Http(key).PostAsync("/api/v1/sample-data", null, Cancel);
        var again = await second.Content.ReadFromJsonAsync<SampleDataResult>(Cancel);
        var report = await fixture.Grains.GetGrain<IPatternDetectorGrain>(userId).GetPatternsAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(loaded!.AlreadyLoaded);
        Assert.True(loaded.Events > SampleDataService.Days * 50, $"{loaded.Events} events");
        Assert.Equal(loaded.Events, loaded.Accepted);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(new SampleDataResult(0, 0, 0, AlreadyLoaded: true), again);
        Assert.Equal(loaded.Events, report.Checkpoint);
        Assert.NotEmpty(report.Extensions);
        Assert.Contains(report.Tools.Categories, c => c.Name == "running tests" || c.Name == "building" || c.Name == "code reviewing");
    }

    [Fact]
    public async Task Post_WithoutAKey_Is401AndBeforeConsent_Is403()
    {
        var (_, unconsentedKey) = await fixture.CreateUserAsync(consented: false);

        var anonymous = await fixture.Http().PostAsync("/api/v1/sample-data", null, Cancel);
        var refused = await fixture.Http(unconsentedKey).PostAsync("/api/v1/sample-data", null, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        await ProblemAssert.IsAsync(refused, HttpStatusCode.Forbidden);
    }
}
