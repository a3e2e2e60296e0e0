using System.Runtime.CompilerServices;
using Floyo.Activity;

namespace Floyo.Time;

/// <summary>Reads a long time range of a user's log in consecutive windows, so memory holds one window at a time.</summary>
public static class EventLogRangeReader
{
    /// <summary>How much time one read covers.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    /// <summary>
    /// The user's events with <paramref name="from"/> ≤ timestamp &lt; <paramref name="to"/> in the order of
    /// <see cref="IEventLog.ReadRangeAsync"/>: the windows are half-open and adjacent, so the concatenation is that order.
    /// </summary>
    public static async IAsyncEnumerable<ActivityEvent> ReadRangeInWindowsAsync(
        this IEventLog log,
        Guid userId,
        DateTimeOffset from,
        DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        for (var start = from; start < to; start += Window)
        {
            var end = to - start > Window ? start + Window : to;
            foreach (var stored in await log.ReadRangeAsync(userId, start, end, cancellationToken))
            {
                yield return stored.Event;
            }
        }
    }
}
