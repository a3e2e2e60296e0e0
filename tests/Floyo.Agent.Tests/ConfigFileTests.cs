using System.Text.Json;
using Floyo.Agent.Configuration;

namespace Floyo.Agent.Tests;

public sealed class ConfigFileTests
{
    [Fact]
    public async Task Login_WritesTheConfigReadableByItsOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        using var tree = new TempTree();
        var agent = new AgentHarness(tree);

        var (code, output, _) = await agent.RunAsync("login", "--server", "http://127.0.0.1:5080", "--key", "waka_secret", "--privacy", "relative");

        Assert.Equal(0, code);
        Assert.Contains("owner-only", output, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(agent.Paths.ConfigFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, ModeOf(Path.GetDirectoryName(agent.Paths.ConfigFile)!));
        var config = agent.Store.Load();
        Assert.Equal(("http://127.0.0.1:5080/", "waka_secret", PrivacyMode.Relative), (config.ServerUrl, config.ApiKey, config.Privacy));
        Assert.Equal(32, Convert.FromBase64String(config.HashKey!).Length);
    }

    [Fact]
    public async Task LoginAgain_KeepsTheHashKeyAndTheModeStaysOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        using var tree = new TempTree();
        var agent = new AgentHarness(tree);
        await agent.RunAsync("login", "--server", "http://a.example", "--key", "k1");
        var firstKey = agent.Store.Load().HashKey;

        await agent.RunAsync("login", "--server", "http://b.example", "--key", "k2");
        await agent.RunAsync("pause");

        var config = agent.Store.Load();
        Assert.Equal((firstKey, "http://b.example/", true), (config.HashKey, config.ServerUrl, config.Paused));
        Assert.Equal(PrivacyMode.Hashed, config.Privacy);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(agent.Paths.ConfigFile));
    }

    [Fact]
    public async Task Status_Json_ReportsQueueAndState()
    {
        using var tree = new TempTree();
        var agent = new AgentHarness(tree);
        agent.Configure(new Uri("http://127.0.0.1:1/"), "k");
        await agent.RunAsync("pause");

        var (code, output, _) = await agent.RunAsync("status", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("paused").GetBoolean());
        Assert.False(json.RootElement.GetProperty("watcherRunning").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("queued").GetInt32());
        Assert.Equal("relative", json.RootElement.GetProperty("privacy").GetString());
    }

    [Fact]
    public void Resolve_UsesTheExplicitPathThenTheEnvironmentVariable()
    {
        Assert.Equal(Path.GetFullPath("x/agent.json"), AgentPaths.Resolve("x/agent.json").ConfigFile);
        var paths = AgentPaths.Resolve("/tmp/floyo-test/agent.json");
        Assert.Equal(Path.Combine("/tmp/floyo-test", "agent-state", "queue"), paths.QueueDirectory);
    }

    private static UnixFileMode ModeOf(string path) =>
        OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException() : File.GetUnixFileMode(path);
}
