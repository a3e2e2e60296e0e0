using Floyo.Agent.Configuration;
using Floyo.Agent.Events;

namespace Floyo.Agent.Tests;

/// <summary>The watcher end to end up to the queue on disk (no server: nothing is sent).</summary>
public sealed class WatcherTests
{
    [Fact]
    public async Task Watch_HonoursGitIgnoreDefaultExcludesAndConfigExcludes()
    {
        using var tree = new TempTree();
        File.WriteAllText(tree.PathOf(".gitignore"), "# build noise\n*.log\n!keep.log\nsecret/\n/generated.cs\n");
        Directory.CreateDirectory(tree.PathOf("src"));
        File.WriteAllText(tree.PathOf("src/.gitignore"), "local.cs\n");
        var agent = new AgentHarness(tree);
        agent.Configure(null, null, exclude: ["**/*.min.js"]);
        await using var session = agent.Watch();

        string[] ignored =
        [
            "app.log", "secret/a.cs", "generated.cs", "src/local.cs", "node_modules/pkg/index.js", "bin/Debug/app.dll",
            "obj/q.cs", "dist/app.js", "target/x.class", "out/y.js", "build/z.o", ".git/index", "libs/.git/objects/x", "notes.swp", "web/lib.min.js",
        ];
        string[] reported = ["keep.log", "src/generated.cs", "src/ok.cs", "web/site.js"];
        foreach (var path in ignored.Concat(reported))
        {
            tree.Create(path);
        }

        tree.Create("zz-last.cs");
        await Eventually.UntilAsync(() => agent.Queued().Any(e => e.Entity == "zz-last.cs"), "the last file to be queued");

        Assert.Equal([.. reported.Append("zz-last.cs").Order(StringComparer.Ordinal)], agent.Queued().Select(e => e.Entity).Order(StringComparer.Ordinal));
        Assert.All(agent.Queued(), e => Assert.Equal(("created", "demo", "main", "floyo-agent"), (e.Kind, e.Project, e.Branch, e.Editor)));
        Assert.Equal("C#", agent.Queued().Single(e => e.Entity == "src/ok.cs").Language);
    }

    [Fact]
    public async Task Watch_WhenEventsAreLostToABufferOverflow_RescanFindsEveryChange()
    {
        using var tree = new TempTree();
        var kept = tree.Create("src/kept.cs", "1");
        var modified = tree.Create("src/modified.cs", "1");
        var deleted = tree.Create("src/deleted.cs", "1");
        var agent = new AgentHarness(tree);
        agent.Configure(null, null);
        await using var session = agent.Watch();
        var watcher = Assert.Single(session.Watchers);

        watcher.Suspend();
        File.AppendAllText(modified, "22");
        File.Delete(deleted);
        tree.Create("src/created.cs");
        tree.Create("node_modules/ignored.js");
        watcher.ReportLostEvents(new InternalBufferOverflowException("simulated"));
        await Eventually.UntilAsync(() => agent.Queued().Count >= 3, "the rescan to queue three changes");

        Assert.Equal(
            [("created", "src/created.cs"), ("deleted", "src/deleted.cs"), ("modified", "src/modified.cs")],
            agent.Queued().Select(e => (e.Kind, e.Entity)).Order());
        Assert.True(File.Exists(kept));
    }

    [Fact]
    public async Task Watch_WhenTenThousandFilesChangeAtOnce_SummarisesTheBurstInAFewEvents()
    {
        using var tree = new TempTree();
        var agent = new AgentHarness(tree);
        agent.Configure(null, null, tuning: AgentHarness.FastTuning with { QuietMilliseconds = 500 }); // a stalled test thread does not end the first window
        await using var session = agent.Watch();
        var folder = Directory.CreateDirectory(tree.PathOf("src/generated")).FullName;

        for (var i = 0; i < 10_000; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"file{i}.cs"), "x");
        }

        var events = await Eventually.UntilAsync(
            () => Task.FromResult(agent.Queued()),
            q => q.Where(e => e.Kind == "created").Sum(e => e.Count ?? 1) == 10_000,
            "summaries of 10,000 created files",
            TimeSpan.FromSeconds(40));

        // Usually one "created" summary (plus a "modified" one if a window saw files before their content).
        Assert.InRange(events.Count, 1, 4);
        Assert.Contains(events, e => e.Count > 1_000);
        Assert.All(events, e => Assert.Matches(@"^\(\d+ files?\)$", e.Entity));
        Assert.All(events, e => Assert.Equal("demo", e.Project));
    }

    [Fact]
    public async Task Watch_InHashedMode_QueuesTheKeyedHashWithTheExtensionAndProject()
    {
        using var tree = new TempTree();
        var agent = new AgentHarness(tree);
        var config = agent.Configure(null, null, PrivacyMode.Hashed);
        await using var session = agent.Watch();

        tree.Create("src/secret-plan.cs");
        var queued = await Eventually.UntilAsync(() => Task.FromResult(agent.Queued()), q => q.Count == 1, "the hashed event");

        var expected = new PathRedactor(PrivacyMode.Hashed, Convert.FromBase64String(config.HashKey!)).Redact(tree.PathOf("src/secret-plan.cs"), tree.Project, "demo");
        var e = Assert.Single(queued);
        Assert.Equal(expected, e.Entity);
        Assert.DoesNotContain("secret", e.Entity, StringComparison.Ordinal);
        Assert.EndsWith(".cs", e.Entity, StringComparison.Ordinal);
        Assert.Equal(("demo", "C#"), (e.Project, e.Language));
    }
}
