using Floyo.Agent.Queue;

namespace Floyo.Agent.Tests;

public sealed class EventQueueTests
{
    [Fact]
    public void Open_AfterARestart_HasTheSameEventsInOrder()
    {
        using var tree = new TempTree();
        var directory = Path.Combine(tree.Root, "queue");
        var events = Enumerable.Range(0, 2500).Select(i => TestEvents.Modified($"f{i}.cs")).ToList();
        using (var queue = EventQueue.Open(directory, 100_000, 1000))
        {
            queue.Append(events);
        }

        using var reopened = EventQueue.Open(directory, 100_000, 1000);
        var ids = new List<string>();
        while (reopened.PeekOldest() is { } segment)
        {
            Assert.InRange(segment.Lines.Count, 1, 1000);
            ids.AddRange(segment.Lines.Select(l => System.Text.Json.JsonSerializer.Deserialize(l, AgentJson.Default.WireEvent)!.Id));
            reopened.Acknowledge(segment);
        }

        Assert.Equal(events.Select(e => e.Id), ids);
        Assert.Equal(0, reopened.Count);
    }

    [Fact]
    public void Append_WhenFull_DropsTheOldestAndCountsThem()
    {
        using var tree = new TempTree();
        using var queue = EventQueue.Open(Path.Combine(tree.Root, "queue"), maxEvents: 100, batchSize: 1000);
        var events = Enumerable.Range(0, 130).Select(i => TestEvents.Modified($"f{i}.cs")).ToList();

        var dropped = events.Chunk(10).Sum(chunk => queue.Append(chunk));

        Assert.Equal(30, dropped);
        Assert.Equal(100, queue.Count);
        Assert.Equal(events[30].Id, System.Text.Json.JsonSerializer.Deserialize(queue.PeekOldest()!.Lines[0], AgentJson.Default.WireEvent)!.Id);
    }

    [Fact]
    public void Open_WhileAnotherOwnerHoldsTheQueue_IsRefused()
    {
        using var tree = new TempTree();
        var directory = Path.Combine(tree.Root, "queue");
        using var owner = EventQueue.Open(directory, 100, 10);

        Assert.Throws<QueueLockedException>(() => EventQueue.Open(directory, 100, 10));
        Assert.True(EventQueue.IsInUse(directory));
    }

    [Fact]
    public void PeekOldest_SkipsATornLastLine()
    {
        using var tree = new TempTree();
        var directory = Path.Combine(tree.Root, "queue");
        using (var queue = EventQueue.Open(directory, 100, 10))
        {
            queue.Append([TestEvents.Modified("a.cs"), TestEvents.Modified("b.cs")]);
        }

        File.AppendAllText(SegmentFiles.PathOf(directory, 0), "{\"kind\":\"modif");
        using var reopened = EventQueue.Open(directory, 100, 10);

        Assert.Equal(2, reopened.PeekOldest()!.Lines.Count);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, OperatingSystem.IsWindows() ? UnixFileMode.UserRead | UnixFileMode.UserWrite : File.GetUnixFileMode(SegmentFiles.PathOf(directory, 0)));
    }
}
