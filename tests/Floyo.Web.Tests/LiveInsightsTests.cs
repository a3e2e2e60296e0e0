using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Floyo.Web.Tests;

[Collection(nameof(WebCollection))]
public sealed class LiveInsightsTests(FloyoWebFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostEvents_ThatChangeTheInsights_PushesThemToTheOwnerOnly()
    {
        var (userA, keyA) = await fixture.CreateUserAsync();
        var (_, keyB) = await fixture.CreateUserAsync();
        await using var connectionA = await fixture.ConnectLiveAsync(keyA);
        await using var connectionB = await fixture.ConnectLiveAsync(keyB);
        var pushedA = Record(connectionA);
        var pushedB = Record(connectionB);
        var initial = await connectionA.InvokeAsync<JsonElement>("GetInsights", Cancel);

        // C# edits in four 15-minute slots of the last hour: an hour of activity, all of it C#.
        var now = DateTimeOffset.UtcNow;
        var events = Enumerable.Range(0, 4).Select(i => Edit($"src/Billing/File{i}.cs", now.AddMinutes(-55 + (15 * i)))).ToArray();
        (await fixture.Http(keyA).PostAsync("/api/v1/events", EventJson.Batch(events), Cancel)).EnsureSuccessStatusCode();
        var snapshot = await NextAsync(pushedA, s => Ids(s).Contains("formatter:csharp"));

        Assert.Empty(initial.GetProperty("insights").EnumerateArray());
        Assert.Equal(userA, snapshot.GetProperty("userId").GetGuid());
        Assert.True(snapshot.GetProperty("checkpoint").GetInt64() >= 4);
        var formatter = snapshot.GetProperty("insights").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "formatter:csharp");
        Assert.Equal("open", formatter.GetProperty("status").GetString());
        Assert.NotEmpty(formatter.GetProperty("why").EnumerateArray());
        Assert.False(pushedB.TryRead(out _));
    }

    private static object Edit(string entity, DateTimeOffset at) => new
    {
        kind = "modified", entity, timestamp = at.ToString("O", CultureInfo.InvariantCulture), project = "shop", language = "C#", editor = "vscode",
    };

    private static ChannelReader<JsonElement> Record(HubConnection connection)
    {
        var channel = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("Insights", snapshot => channel.Writer.TryWrite(snapshot));
        return channel.Reader;
    }

    private static HashSet<string> Ids(JsonElement snapshot) =>
        [.. snapshot.GetProperty("insights").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    private static async Task<JsonElement> NextAsync(ChannelReader<JsonElement> pushed, Func<JsonElement, bool> wanted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(Patience);
        while (true)
        {
            var snapshot = await pushed.ReadAsync(timeout.Token);
            if (wanted(snapshot))
            {
                return snapshot;
            }
        }
    }
}
