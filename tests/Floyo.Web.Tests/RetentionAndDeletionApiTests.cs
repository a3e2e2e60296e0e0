using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Floyo.Activity;
using Floyo.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace Floyo.Web.Tests;

[Collection(nameof(WebCollection))]
public sealed class RetentionAndDeletionApiTests(FloyoWebFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PutRetention_PurgesOlderEventsAtOnceAndGetReadsTheChoice()
    {
        var (userId, key) = await fixture.CreateUserAsync();
        var now = DateTimeOffset.UtcNow;
        await fixture.Services.GetRequiredService<IEventLog>().AppendAsync(
            userId,
            [new SequencedEvent(1, new ActivityEvent(ActivityKind.Modified, "old.cs", now.AddDays(-100))), new SequencedEvent(2, new ActivityEvent(ActivityKind.Modified, "new.cs", now.AddDays(-10)))],
            Cancel);
        using var client = fixture.Http(key);

        var initial = JsonDocument.Parse(await client.GetStringAsync("/api/v1/privacy/retention", Cancel)).RootElement;
        var put = await client.PutAsJsonAsync("/api/v1/privacy/retention", new { days = 90 }, Cancel);
        var read = JsonDocument.Parse(await client.GetStringAsync("/api/v1/privacy/retention", Cancel)).RootElement;

        Assert.Equal(0, initial.GetProperty("days").GetInt32());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal((90, 1L), (read.GetProperty("days").GetInt32(), read.GetProperty("lastPurgedEvents").GetInt64()));
        var left = await fixture.Services.GetRequiredService<IEventLog>().ReadAsync(userId, 0, 10, Cancel);
        Assert.Equal(["new.cs"], left.Select(e => e.Event.Entity));
    }

    [Theory]
    [InlineData("""{"days": 7}""")]
    [InlineData("""{"days": -30}""")]
    [InlineData("""{}""")]
    public async Task PutRetention_WithAPeriodNotOffered_Answers400NamingDays(string body)
    {
        var (_, key) = await fixture.CreateUserAsync();

        var response = await fixture.Http(key).PutAsync("/api/v1/privacy/retention", EventJson.Raw(body), Cancel);

        await ProblemAssert.HasFieldErrorAsync(response, HttpStatusCode.BadRequest, "days");
    }

    [Fact]
    public async Task DeleteAccount_WithoutTheConfirmation_Answers400AndDeletesNothing()
    {
        var (_, key) = await fixture.CreateUserAsync();
        using var client = fixture.Http(key);

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/account") { Content = JsonContent.Create(new { confirm = "yes" }) }, Cancel);

        await ProblemAssert.HasFieldErrorAsync(response, HttpStatusCode.BadRequest, "confirm");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/privacy", Cancel)).StatusCode);
    }

    [Fact]
    public async Task DeleteAccount_ErasesTheUsersDataAndTheKeyStopsWorkingButOthersAreUntouched()
    {
        var (userId, key) = await fixture.CreateUserAsync();
        var (otherId, otherKey) = await fixture.CreateUserAsync();
        using var client = fixture.Http(key);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/v1/events", EventJson.Batch(EventJson.Event("a.cs")), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await fixture.Http(otherKey).PostAsync("/api/v1/events", EventJson.Batch(EventJson.Event("b.cs")), Cancel)).StatusCode);

        var response = await client.SendAsync(
            new HttpRequestMessage(HttpMethod.Delete, "/api/v1/account") { Content = JsonContent.Create(new { confirm = "Delete my account" }) }, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("receipt").GetGuid();
        Assert.NotEqual(userId, receipt);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/privacy", Cancel)).StatusCode);
        var log = fixture.Services.GetRequiredService<IEventLog>();
        Assert.Empty(await log.ReadAsync(userId, 0, 10, Cancel));
        Assert.Empty((await fixture.Services.GetRequiredService<IAuditLog>().ReadAsync(userId, null, 10, Cancel)));
        Assert.Null(await fixture.Grains.GetGrain<Users.IUserGrain>(userId).GetProfileAsync());
        Assert.Single(await log.ReadAsync(otherId, 0, 10, Cancel));
        Assert.Equal(HttpStatusCode.OK, (await fixture.Http(otherKey).GetAsync("/api/v1/privacy", Cancel)).StatusCode);
    }
}
