using Floyo.Agent.Configuration;
using Floyo.Agent.Queue;
using Floyo.Agent.Runtime;
using Floyo.Agent.Watching;
using Microsoft.Extensions.Time.Testing;

namespace Floyo.Agent.Tests;

/// <summary>The change loop's handling of unexpected failures: a failed window is kept or rescanned, never lost.</summary>
public sealed class ChangePipelineTests
{
    private static readonly string ValidHashKey = Convert.ToBase64String(new byte[32]);

    [Fact]
    public void ProcessPending_WhenBuildingEventsFails_KeepsTheSettledChangesAndQueuesThemOnTheRetry()
    {
        using var tree = new TempTree();
        var config = new AgentConfig { Privacy = PrivacyMode.Relative, HashKey = "hand-edited, not base64", Tuning = AgentHarness.FastTuning };
        using var pipeline = new Pipeline(tree, () => config);
        pipeline.Touch(tree.Create("a.cs"));

        pipeline.Changes.ProcessPending();
        Assert.Empty(pipeline.Agent.Queued());

        config = config with { HashKey = ValidHashKey };
        pipeline.Changes.ProcessPending();
        Assert.Equal([("created", "a.cs")], pipeline.Agent.Queued().Select(e => (e.Kind, e.Entity)));
    }

    [Fact]
    public void ProcessPending_WhenResolvingAWindowFails_RescansItsRootOnTheRetry()
    {
        using var tree = new TempTree();
        var config = new AgentConfig { Privacy = PrivacyMode.Relative, HashKey = ValidHashKey, Tuning = AgentHarness.FastTuning };
        using var pipeline = new Pipeline(tree, () => config);
        pipeline.Touch(tree.Create("a.cs"));
        pipeline.Touch(tree.PathOf("m\0invalid")); // a path no file API accepts: resolving it throws after a.cs, before z.cs
        pipeline.Touch(tree.Create("z.cs"));

        pipeline.Changes.ProcessPending();
        Assert.Empty(pipeline.Agent.Queued());

        pipeline.Changes.ProcessPending();
        Assert.Equal(["a.cs", "z.cs"], pipeline.Agent.Queued().Select(e => e.Entity).Order(StringComparer.Ordinal));
    }

    /// <summary>A change pipeline on the tree's project with its real resolver, queue and status file.</summary>
    private sealed class Pipeline : IDisposable
    {
        private readonly PendingChanges pending = new();
        private readonly EventQueue queue;
        private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);

        public Pipeline(TempTree tree, Func<AgentConfig> config)
        {
            Agent = new AgentHarness(tree);
            var projects = new ProjectLocator([tree.Project]);
            var resolver = new ChangeResolver(new PathFilter(projects, [], []));
            resolver.Initialize();
            queue = EventQueue.Open(Agent.Paths.QueueDirectory, 1_000, 100);
            var status = new StatusStore(Agent.Paths.StatusFile);
            Changes = new ChangePipeline(pending, resolver, projects, queue, status, config, () => { }, AgentLog.None, time);
        }

        public AgentHarness Agent { get; }

        public ChangePipeline Changes { get; }

        public void Touch(string path) => pending.Touch(path, time.GetUtcNow());

        public void Dispose()
        {
            queue.Dispose();
            pending.Dispose();
        }
    }
}
