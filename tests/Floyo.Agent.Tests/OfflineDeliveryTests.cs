using System.Diagnostics;
using Floyo.Agent.Events;
using Floyo.Agent.Queue;
using Floyo.Testing;

namespace Floyo.Agent.Tests;

[Collection(nameof(ServerCollection))]
public sealed class OfflineDeliveryTests(AgentServerFixture server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Watch_WhenServerIsDown_QueuesOnDiskAndDeliversExactlyOnceAfterARestart()
    {
        using var tree = new TempTree();
        var agent = new AgentHarness(tree);
        var (userId, key) = await server.CreateUserAsync();
        var closedPort = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        agent.Configure(closedPort, key);

        await using (var offline = agent.Watch())
        {
            tree.Create("a.cs");
            tree.Create("b.ts");
            tree.Create("c.py");
            await Eventually.UntilAsync(() => offline.Queue.Count == 3, "three events queued");
            await Eventually.UntilAsync(() => agent.Status().LastError is not null, "the failed send to be reported");
        }

        Assert.Equal(3, agent.Queued().Count);
        Assert.Contains("Connection refused", agent.Status().LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, (await server.SnapshotAsync(userId)).TotalEvents);

        // The server is reachable now; a new agent process (here: a new session on the same files) sends the queue.
        agent.Configure(server.BaseAddress, key);
        await using (var online = agent.Watch())
        {
            await Eventually.UntilAsync(() => online.Queue.Count == 0 && agent.Status().LastSyncAt is not null, "the queue to drain");
        }

        var (code, output, _) = await agent.RunAsync("flush");
        var snapshot = await server.SnapshotAsync(userId);
        Assert.Equal(0, code);
        Assert.Contains("Sent 0 events", output, StringComparison.Ordinal);
        Assert.Equal(3, snapshot.TotalEvents);
        Assert.Equal(3, agent.Status().Accepted);
        Assert.Null(agent.Status().LastError);
        Assert.Empty(agent.Queued());
    }

    [Fact]
    public async Task Flush_WhileAWatcherRuns_AsksTheWatcherToSendNow()
    {
        using var tree = new TempTree();
        var agent = new AgentHarness(tree);
        var (userId, key) = await server.CreateUserAsync();
        agent.Configure(server.BaseAddress, key, tuning: AgentHarness.FastTuning with { SendDelayMilliseconds = 600_000 });
        await using var session = agent.Watch();
        tree.Create("waiting.cs");
        await Eventually.UntilAsync(() => session.Queue.Count == 1, "the event to be queued");

        var status = await agent.RunAsync("status");
        var (code, output, _) = await agent.RunAsync("flush");

        Assert.Contains("watcher running", status.Output, StringComparison.Ordinal);
        Assert.Contains("queued:      1 events", status.Output, StringComparison.Ordinal);
        Assert.Equal(0, code);
        Assert.Contains("The running watcher sent the queue", output, StringComparison.Ordinal);
        Assert.Equal(1, (await server.SnapshotAsync(userId)).TotalEvents);
        Assert.Equal(0, session.Queue.Count);
    }

    [Fact]
    public async Task Flush_WhenTheProcessIsKilledAfterTheServerAnswered_ResendsAndTheServerCountsEachEventOnce()
    {
        using var tree = new TempTree();
        var agent = new AgentHarness(tree);
        var (userId, key) = await server.CreateUserAsync();
        agent.Configure(server.BaseAddress, key);
        using (var queue = EventQueue.Open(agent.Paths.QueueDirectory, 100_000, 1000))
        {
            queue.Append([.. Enumerable.Range(0, 5).Select(i => TestEvents.Modified($"src/f{i}.cs"))]);
        }

        // A real floyo-agent process that kills itself (SIGKILL) between the server's 202 and removing the batch.
        var exitCode = await RunAgentProcessAsync(agent, ("FLOYO_AGENT_FAULT", "kill-after-send"), "flush");

        Assert.Equal(137, exitCode);
        Assert.Equal(5, (await server.SnapshotAsync(userId)).TotalEvents);
        Assert.Equal(5, agent.Queued().Count);

        var (code, output, _) = await agent.RunAsync("flush");

        var snapshot = await server.SnapshotAsync(userId);
        Assert.Equal(0, code);
        Assert.Contains("0 accepted, 5 duplicates, 0 rejected", output, StringComparison.Ordinal);
        Assert.Equal(5, snapshot.TotalEvents);
        Assert.Equal(5, snapshot.TodayByKind.Single().Count);
        Assert.Empty(agent.Queued());
    }

    [Fact]
    public async Task Flush_WithRevokedOrUnknownKey_KeepsTheQueueAndReportsTheAuthError()
    {
        using var tree = new TempTree();
        var agent = new AgentHarness(tree);
        agent.Configure(server.BaseAddress, "waka_00000000-0000-4000-8000-000000000000");
        using (var queue = EventQueue.Open(agent.Paths.QueueDirectory, 100_000, 1000))
        {
            queue.Append([TestEvents.Modified("a.cs"), TestEvents.Modified("b.cs")]);
        }

        var (code, _, error) = await agent.RunAsync("flush");
        var (_, status, _) = await agent.RunAsync("status");

        Assert.Equal(1, code);
        Assert.Contains("401", error, StringComparison.Ordinal);
        Assert.Equal(2, agent.Queued().Count);
        Assert.StartsWith("401 Unauthorized", agent.Status().LastError, StringComparison.Ordinal);
        Assert.Contains("queued:      2 events", status, StringComparison.Ordinal);
        Assert.Contains("last error:  401 Unauthorized", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flush_WhenTheServerRejectsAnEvent_DropsItAndDeliversTheRest()
    {
        using var tree = new TempTree();
        var agent = new AgentHarness(tree);
        var (userId, key) = await server.CreateUserAsync();
        agent.Configure(server.BaseAddress, key);
        using (var queue = EventQueue.Open(agent.Paths.QueueDirectory, 100_000, 1000))
        {
            queue.Append([TestEvents.Modified("ok.cs"), TestEvents.Modified("old.cs") with { Timestamp = EventBuilder.Timestamp(DateTimeOffset.UtcNow.AddDays(-40)) }, TestEvents.Modified("ok2.cs")]);
        }

        var (code, output, _) = await agent.RunAsync("flush");

        Assert.Equal(0, code);
        Assert.Contains("2 accepted, 0 duplicates, 1 rejected", output, StringComparison.Ordinal);
        Assert.Equal(2, (await server.SnapshotAsync(userId)).TotalEvents);
        Assert.Empty(agent.Queued());
        Assert.Equal(1, agent.Status().Rejected);
    }

    private static async Task<int> RunAgentProcessAsync(AgentHarness agent, (string Name, string Value) environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "floyo-agent.dll"));
        foreach (var arg in args.Concat(["--config", agent.Paths.ConfigFile]))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[environment.Name] = environment.Value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Cancel);
        var error = process.StandardError.ReadToEndAsync(Cancel);
        await process.WaitForExitAsync(Cancel);
        TestContext.Current.TestOutputHelper?.WriteLine($"floyo-agent exited {process.ExitCode}: {await output}{await error}");
        return process.ExitCode;
    }
}
