namespace Floyo.Agent.Tests;

[Collection(nameof(ServerCollection))]
public sealed class PauseResumeTests(AgentServerFixture server)
{
    [Fact]
    public async Task Pause_StopsQueuingAndSending_AndResumeStartsAgain()
    {
        using var tree = new TempTree();
        var agent = new AgentHarness(tree);
        var (userId, key) = await server.CreateUserAsync();
        agent.Configure(server.BaseAddress, key);
        await using var session = agent.Watch();
        tree.Create("before.cs");
        await Eventually.UntilAsync(() => server.SnapshotAsync(userId), s => s.RecentFiles.Any(f => f.Entity == "before.cs"), "the first file to arrive");

        // A slow machine may see the create and the write as two changes: let everything before the pause arrive.
        await Eventually.UntilAsync(() => agent.Queued().Count == 0, "the agent's queue to drain");
        var before = (await server.SnapshotAsync(userId)).TotalEvents;

        Assert.Equal(0, (await agent.RunAsync("pause")).ExitCode);
        await Eventually.UntilAsync(() => session.IsPaused, "the running watcher to see the pause");
        tree.Create("while-paused.cs");
        await Eventually.UntilAsync(() => session.Status.Current.IgnoredWhilePaused >= 1, "the change made while paused to be seen and ignored");
        var queuedBefore = agent.Queued().Count;
        session.Queue.Append([TestEvents.Modified("queued-earlier.cs")]); // as if queued before the pause
        session.FlushNow();
        var flushWhilePaused = await agent.RunAsync("flush");

        Assert.Equal(0, queuedBefore);
        Assert.Equal(1, session.Queue.Count);
        Assert.Equal(before, (await server.SnapshotAsync(userId)).TotalEvents);
        Assert.Equal(1, flushWhilePaused.ExitCode);
        Assert.Contains("Paused", flushWhilePaused.Error, StringComparison.Ordinal);
        Assert.Contains("tracking:    paused", (await agent.RunAsync("status")).Output, StringComparison.Ordinal);

        Assert.Equal(0, (await agent.RunAsync("resume")).ExitCode);
        await Eventually.UntilAsync(() => !session.IsPaused, "the running watcher to see the resume");
        tree.Create("after.cs");
        var snapshot = await Eventually.UntilAsync(
            () => server.SnapshotAsync(userId),
            s => s.RecentFiles.Any(f => f.Entity == "after.cs") && s.RecentFiles.Any(f => f.Entity == "queued-earlier.cs"),
            "the queued event and the file created after resuming to arrive");

        Assert.Equal(["after.cs", "before.cs", "queued-earlier.cs"], snapshot.RecentFiles.Select(f => f.Entity).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(snapshot.RecentFiles, f => f.Entity == "while-paused.cs");
        Assert.InRange(agent.Status().IgnoredWhilePaused, 1, 2); // the create, and on a slow machine the write seen apart
    }
}
