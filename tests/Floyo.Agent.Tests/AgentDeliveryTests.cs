using Floyo.Activity;

namespace Floyo.Agent.Tests;

[Collection(nameof(ServerCollection))]
public sealed class AgentDeliveryTests(AgentServerFixture server)
{
    [Fact]
    public async Task Watch_WhenFilesAreCreatedModifiedRenamedAndDeleted_EachChangeArrivesAtTheServerOnce()
    {
        using var tree = new TempTree();
        var agent = new AgentHarness(tree);
        var (userId, key) = await server.CreateUserAsync();
        agent.Configure(server.BaseAddress, key);
        await using var session = agent.Watch();

        var file = tree.Create("src/app.cs", "class A {}");
        await WaitForAsync(userId, 1, "the created file");
        File.AppendAllText(file, "// more");
        await WaitForAsync(userId, 2, "the modification");
        File.Move(file, tree.PathOf("src/main.cs"));
        await WaitForAsync(userId, 3, "the rename");
        File.Delete(tree.PathOf("src/main.cs"));
        var snapshot = await WaitForAsync(userId, 4, "the deletion");

        Assert.Equal(4, snapshot.TotalEvents);
        Assert.Equal(
            [("created", 1L), ("deleted", 1L), ("modified", 1L), ("renamed", 1L)],
            snapshot.TodayByKind.Select(k => (k.Name, k.Count)).OrderBy(k => k.Name));
        // Recent files keep the latest change per entity: the rename is recorded under the new name.
        Assert.Equal(
            [("src/main.cs", ActivityKind.Deleted), ("src/app.cs", ActivityKind.Modified)],
            snapshot.RecentFiles.Select(f => (f.Entity, f.Kind)));
        Assert.All(snapshot.RecentFiles, f => Assert.Equal("demo", f.Project));
        Assert.Equal(0, session.Queue.Count);
        Assert.Null(agent.Status().LastError);
    }

    private Task<ActivitySnapshot> WaitForAsync(Guid userId, long total, string what) =>
        Eventually.UntilAsync(() => server.SnapshotAsync(userId), s => s.TotalEvents >= total, $"{what} to reach the server ({total} events)");
}
