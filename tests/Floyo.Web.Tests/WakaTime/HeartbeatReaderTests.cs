using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Floyo.Web.Apis.WakaTime;

namespace Floyo.Web.Tests.WakaTime;

public sealed class HeartbeatReaderTests
{
    private const string VsCode = "wakatime/v1.98.1 (linux-6.1.0-amd64-x86_64) go1.22.1 vscode/1.90.0 vscode-wakatime/24.6.0";
    private const string Vim = "wakatime/v1.98.1 (darwin-23.1.0-arm64) go1.22.1 vim/9.1 vim-wakatime/11.2.0";

    [Fact]
    public void ReadAll_WithEachHeartbeatsOwnUserAgent_ParsesEachAndFallsBackToTheHeader()
    {
        var events = ReadAll($$"""
            [{"entity":"a.cs","time":1700000000,"user_agent":"{{VsCode}}"},
             {"entity":"b.cs","time":1700000001,"user_agent":"{{VsCode}}"},
             {"entity":"c.vim","time":1700000002,"user_agent":"{{Vim}}"},
             {"entity":"d.cs","time":1700000003}]
            """, userAgentHeader: VsCode);

        Assert.Equal(["VS Code", "VS Code", "Vim", "VS Code"], events.Select(e => e.Editor));
        Assert.Equal(["vscode-wakatime/24.6.0", "vscode-wakatime/24.6.0", "vim-wakatime/11.2.0", "vscode-wakatime/24.6.0"], events.Select(e => e.Details!.Plugin));
        Assert.Equal(["Linux", "Linux", "Mac", "Linux"], events.Select(e => e.Details!.OperatingSystem));
    }

    [Fact]
    public void ReadAll_WithValuesRepeatedAcrossHeartbeats_SharesOneStringInstance()
    {
        var events = ReadAll("""
            [{"entity":"a.cs","time":1700000000,"project":"p1","language":"C#","machine_name_id":"box"},
             {"entity":"a.cs","time":1700000001,"project":"p1","language":"C#","machine_name_id":"box"}]
            """);

        Assert.Same(events[0].Entity, events[1].Entity);
        Assert.Same(events[0].Project, events[1].Project);
        Assert.Same(events[0].Details!.Machine, events[1].Details!.Machine);
    }

    [Theory]
    [InlineData("""{"entity":"a.cs","time":1700000000.25,"cursorpos":"12","category":null,"project":"p1","branch":"main","is_write":true}""")]
    [InlineData("""{"entity":"a.cs","time":"1700000000","cursorpos":12,"type":"file","category":"coding","project":"p1","project":"p2"}""")]
    [InlineData("""{"entity":"a.cs","time":1700000000,"\u0063ursorpos":3,"is_write":"false"}""")]
    public void ReadAll_ClientEventId_HashesTheFieldsTheCliDedupesBy(string heartbeat)
    {
        var e = Assert.Single(ReadAll($"[{heartbeat}]"));

        using var document = JsonDocument.Parse(heartbeat);
        var root = document.RootElement;
        string Raw(string name) => root.TryGetProperty(name, out var value) ? value.ToString() : "";
        var key = string.Join('\u001f', e.Timestamp.ToUnixTimeMilliseconds(), Raw("cursorpos"), Raw("type"), Raw("category"),
            Raw("project"), Raw("branch"), e.Entity, e.Details!.IsWrite);
        Assert.Equal("wt:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 18), e.ClientEventId);
    }

    [Fact]
    public void ReadAll_WithBadHeartbeats_RejectsEachWithItsWireField()
    {
        using var document = JsonDocument.Parse("""
            [{"entity":"a.cs"}, {"time":1700000000}, "text", {"entity":"a.cs","time":1700000000,"lines":"many"},
             {"entity":"a.cs","time":1700000000,"user_agent":{}}]
            """);

        var items = HeartbeatReader.ReadAll(document.RootElement.EnumerateArray(), null, null);

        Assert.Equal(["time", "entity", "heartbeat", "lines", "user_agent"], items.Select(i => i.Error!.Field));
        Assert.Equal("This field is required.", items[0].Error!.Error);
    }

    private static List<Floyo.Activity.ActivityEvent> ReadAll(string json, string? userAgentHeader = null)
    {
        using var document = JsonDocument.Parse(json);
        var items = HeartbeatReader.ReadAll(document.RootElement.EnumerateArray(), userAgentHeader, null);
        return [.. items.Select(i => i.Event ?? throw new InvalidOperationException(i.Error!.Error))];
    }
}
