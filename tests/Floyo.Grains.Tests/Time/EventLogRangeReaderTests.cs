using Floyo.Activity;
using Floyo.Silo.EventLog;
using Floyo.Time;

namespace Floyo.Grains.Tests.Time;

public sealed class EventLogRangeReaderTests
{
    [Fact]
    public async Task ReadRangeInWindowsAsync_WhenEventsSitOnWindowBoundaries_ReturnsEachOnceInTimeOrder()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var log = new InMemoryEventLog();
        var userId = Guid.NewGuid();
        var from = Beat.Time("2026-03-01T00:00:00Z");
        var to = from + EventLogRangeReader.Window * 3;

        // Half a window apart, stored newest first: events land on both inner window boundaries and on `to` itself.
        var events = Enumerable.Range(0, 7).Reverse()
            .Select((k, i) => new SequencedEvent(i + 1, Beat.At(from + EventLogRangeReader.Window / 2 * k)))
            .ToList();
        await log.AppendAsync(userId, events, cancellationToken);

        var read = new List<ActivityEvent>();
        await foreach (var e in log.ReadRangeInWindowsAsync(userId, from, to, cancellationToken))
        {
            read.Add(e);
        }

        Assert.Equal(6, read.Count);
        Assert.Equal((await log.ReadRangeAsync(userId, from, to, cancellationToken)).Select(e => e.Event), read);
        Assert.Equal(Enumerable.Range(0, 6).Select(k => from + EventLogRangeReader.Window / 2 * k), read.Select(e => e.Timestamp));
    }
}
