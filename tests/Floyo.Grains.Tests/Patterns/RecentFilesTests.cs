using Floyo.Activity;
using Floyo.Patterns;
using Floyo.Patterns.Detectors;

namespace Floyo.Grains.Tests.Patterns;

public sealed class RecentFilesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Batches_leave_the_recent_files_that_adding_events_one_by_one_would(int seed)
    {
        var random = new Random(seed);
        var state = new PatternState();
        var aggregates = new ActivityAggregates(state, new PatternOptions(), LocalDays.Utc);
        var expected = new List<RecentFile>();
        var at = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
        var sequence = 0L;
        for (var batch = 0; batch < 200; batch++)
        {
            var size = random.Next(1, 40);
            var events = Enumerable.Range(0, size).Select(_ =>
                new SequencedEvent(++sequence, new ActivityEvent(ActivityKind.Modified, $"src/f{random.Next(25)}.cs", at = at.AddSeconds(1), "p"))).ToList();

            aggregates.Apply(events);
            foreach (var stored in events)
            {
                var e = stored.Event;
                expected.RemoveAll(f => f.Entity == e.Entity);
                expected.Insert(0, new RecentFile(e.Entity, e.Kind, e.Project, e.Timestamp, stored.Sequence));
                expected = [.. expected.Take(ActivityAggregates.RecentFileCount)];
            }

            Assert.Equal(expected, state.RecentFiles);
        }
    }

    [Fact]
    public void Events_applied_before_a_gap_still_reach_the_recent_files()
    {
        var state = new PatternState();
        var aggregates = new ActivityAggregates(state, new PatternOptions(), LocalDays.Utc);
        var at = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

        Assert.Throws<InvalidOperationException>(() => aggregates.Apply(
        [
            new SequencedEvent(1, new ActivityEvent(ActivityKind.Modified, "a.cs", at)),
            new SequencedEvent(3, new ActivityEvent(ActivityKind.Modified, "c.cs", at)),
        ]));

        Assert.Equal(["a.cs"], state.RecentFiles.Select(f => f.Entity));
    }
}
