using System.Threading.Channels;
using Floyo.Activity;
using Microsoft.AspNetCore.SignalR.Client;

namespace Floyo.Web.Tests;

[Collection(nameof(WebCollection))]
public sealed class LiveHubTests(FloyoWebFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostEvents_WithTheDemoKey_PushesTheChangedCountsToTheHub()
    {
        await using var connection = await fixture.ConnectLiveAsync(FloyoWebFixture.DemoKey);
        var updates = Record(connection);
        var before = await connection.InvokeAsync<ActivitySnapshot>("GetSnapshot", Cancel);

        var response = await fixture.Http(FloyoWebFixture.DemoKey).PostAsync(
            "/api/v1/events", EventJson.Batch(EventJson.Event("live/pushed.rs", "created", "live-test")), Cancel);
        response.EnsureSuccessStatusCode();
        var update = await NextAsync(updates, before.LastSequence + 1);

        Assert.Equal(before.LastSequence + 1, update.LastSequence);
        Assert.Equal(before.TotalEvents + 1, update.TotalEvents);
        Assert.Contains(update.TodayByExtension, c => c.Name == ".rs");
        Assert.Contains(update.TodayByProject, c => c.Name == "live-test");
        Assert.Equal("live/pushed.rs", update.RecentFiles[0].Entity);
    }

    [Fact]
    public async Task Hub_ForUserA_NeverDeliversUserBsUpdates()
    {
        var (userA, keyA) = await fixture.CreateUserAsync();
        var (_, keyB) = await fixture.CreateUserAsync();
        await using var connectionA = await fixture.ConnectLiveAsync(keyA);
        var updatesA = Record(connectionA);

        await fixture.Http(keyB).PostAsync("/api/v1/events", EventJson.Batch(EventJson.Event("secret-of-b.cs")), Cancel);
        await fixture.Http(keyA).PostAsync("/api/v1/events", EventJson.Batch(EventJson.Event("mine.cs")), Cancel);
        var first = await NextAsync(updatesA, 1);

        Assert.Equal(userA, first.UserId);
        Assert.Equal(["mine.cs"], first.RecentFiles.Select(f => f.Entity));
    }

    [Fact]
    public async Task Hub_WithoutCredentials_RefusesTheConnection()
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(fixture.BaseAddress, "/hubs/live")).Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(Cancel));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    private static ChannelReader<ActivityUpdate> Record(HubConnection connection)
    {
        var channel = Channel.CreateUnbounded<ActivityUpdate>();
        connection.On<ActivityUpdate>("Activity", update => channel.Writer.TryWrite(update));
        return channel.Reader;
    }

    private static async Task<ActivityUpdate> NextAsync(ChannelReader<ActivityUpdate> updates, long sequence)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(Patience);
        while (true)
        {
            var update = await updates.ReadAsync(timeout.Token);
            if (update.LastSequence >= sequence)
            {
                return update;
            }
        }
    }
}
