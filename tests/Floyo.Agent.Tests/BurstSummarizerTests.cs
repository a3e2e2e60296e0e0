using Floyo.Agent.Configuration;
using Floyo.Agent.Events;
using Floyo.Agent.Watching;

namespace Floyo.Agent.Tests;

public sealed class BurstSummarizerTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "burst", "demo");
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly AgentTuning Tuning = new()
    {
        BurstThreshold = 100, BurstHoldThreshold = 10, BurstCoolDownMilliseconds = 2_000, BurstMaxSpanMilliseconds = 60_000,
    };

    private readonly EventBuilder builder = new(new PathRedactor(PrivacyMode.Relative, new byte[32]), new ProjectLocator([Root]));
    private readonly BurstSummarizer bursts = new(Tuning);

    [Fact]
    public void Process_AQuietWindow_ReportsEachChangeAtOnce()
    {
        var events = bursts.Process(Changes(3, FileChangeKind.Modified, T0), T0, builder);

        Assert.Equal(["f0.cs", "f1.cs", "f2.cs"], events.Select(e => e.Entity));
        Assert.Null(bursts.NextDue);
    }

    [Fact]
    public void Process_ABusyWindowThatStaysSmall_IsHeldThenReportedChangeByChange()
    {
        Assert.Empty(bursts.Process(Changes(20, FileChangeKind.Modified, T0), T0, builder));
        Assert.Equal(T0.AddSeconds(2), bursts.NextDue);

        var released = bursts.Process([], T0.AddSeconds(2), builder);

        Assert.Equal(20, released.Count);
        Assert.All(released, e => Assert.Null(e.Count));
        Assert.Null(bursts.NextDue);
    }

    [Fact]
    public void Process_ABurstOverSeveralWindows_BecomesOneSummaryPerKindWhenItsProjectIsQuiet()
    {
        var emitted = new List<WireEvent>();
        emitted.AddRange(bursts.Process(Changes(50, FileChangeKind.Created, T0), T0, builder));
        for (var second = 1; second <= 10; second++)
        {
            emitted.AddRange(bursts.Process(Changes(1_000, FileChangeKind.Created, T0.AddSeconds(second), offset: second * 1_000), T0.AddSeconds(second), builder));
        }

        emitted.AddRange(bursts.Process(Changes(5, FileChangeKind.Deleted, T0.AddSeconds(11)), T0.AddSeconds(11), builder));
        Assert.Empty(emitted);

        emitted.AddRange(bursts.Process([], T0.AddSeconds(13), builder));

        Assert.Equal([("created", "(10050 files)", 10_050), ("deleted", "(5 files)", 5)], emitted.Select(e => (e.Kind, e.Entity, e.Count ?? 0)));
        Assert.All(emitted, e => Assert.Equal(("demo", "floyo-agent"), (e.Project, e.Editor)));
        Assert.Null(bursts.NextDue);
    }

    [Fact]
    public void Process_ABurstLongerThanTheMaxSpan_ReportsItsSummarySoFarAndKeepsCounting()
    {
        var emitted = new List<WireEvent>();
        for (var second = 0; second <= 90; second++)
        {
            emitted.AddRange(bursts.Process(Changes(200, FileChangeKind.Modified, T0.AddSeconds(second)), T0.AddSeconds(second), builder));
        }

        emitted.AddRange(bursts.Process([], T0.AddSeconds(95), builder));

        Assert.Equal(2, emitted.Count);
        Assert.Equal(91 * 200, emitted.Sum(e => e.Count));
    }

    [Fact]
    public void Discard_ForgetsHeldAndCountedChanges()
    {
        bursts.Process(Changes(500, FileChangeKind.Created, T0), T0, builder);

        Assert.Equal(500, bursts.Discard());
        Assert.Empty(bursts.Process([], T0.AddSeconds(5), builder));
    }

    private static List<FileChange> Changes(int count, FileChangeKind kind, DateTimeOffset at, int offset = 0) =>
        [.. Enumerable.Range(offset, count).Select(i => new FileChange(kind, Path.Combine(Root, $"f{i}.cs"), at))];
}
