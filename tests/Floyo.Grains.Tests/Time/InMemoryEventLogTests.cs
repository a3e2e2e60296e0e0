using Floyo.Activity;
using Floyo.Silo.EventLog;

namespace Floyo.Grains.Tests.Time;

/// <summary>The embedded event log keeps the time-range contract the Postgres one keeps (see PostgresEventLogTests).</summary>
public sealed class InMemoryEventLogTests
{
    private static readonly DateTimeOffset Start = Beat.Time("2026-03-01T10:00:00Z");

    [Fact]
    public async Task ReadRangeAsync_ReturnsTheUsersEventsFromInclusiveToExclusiveOrderedByTimeThenSequence()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var log = new InMemoryEventLog();
        var userId = Guid.NewGuid();
        var events = AtMinutes(5, 1, 3, 1, 0, 10);
        await log.AppendAsync(userId, events, cancellationToken);
        await log.AppendAsync(Guid.NewGuid(), events, cancellationToken);

        var middle = await log.ReadRangeAsync(userId, Start.AddMinutes(1), Start.AddMinutes(10), cancellationToken);

        Assert.Equal([2L, 4L, 3L, 1L], middle.Select(e => e.Sequence));
        Assert.Equal([5L], (await log.ReadRangeAsync(userId, Start, Start.AddMinutes(1), cancellationToken)).Select(e => e.Sequence));
        Assert.Empty(await log.ReadRangeAsync(userId, Start.AddMinutes(2), Start.AddMinutes(3), cancellationToken));
        Assert.Empty(await log.ReadRangeAsync(Guid.NewGuid(), Start, Start.AddHours(1), cancellationToken));
    }

    [Fact]
    public async Task ReadLastAsync_ReturnsTheLatestEventByTimeAndTheHighestSequenceAmongEqualTimes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var log = new InMemoryEventLog();
        var userId = Guid.NewGuid();
        var events = AtMinutes(5, 9, 9, 2);
        await log.AppendAsync(userId, events, cancellationToken);

        Assert.Equal(events[2], await log.ReadLastAsync(userId, cancellationToken));
        Assert.Null(await log.ReadLastAsync(Guid.NewGuid(), cancellationToken));
    }

    private static List<SequencedEvent> AtMinutes(params int[] minutes) =>
        [.. minutes.Select((m, i) => new SequencedEvent(i + 1, Beat.At(Start.AddMinutes(m), entity: $"file{i + 1}.cs")))];
}
