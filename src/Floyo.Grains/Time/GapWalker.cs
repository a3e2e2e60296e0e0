using Floyo.Activity;

namespace Floyo.Time;

/// <summary>
/// Pairs consecutive events: each event passed to <see cref="Next"/> completes the gap of the one before it. A gap
/// counts when 0 ≤ next − previous &lt; timeout; at or above the timeout it counts nothing. The last event never gets a
/// successor, so it adds nothing. Events must come in time order; an earlier one after a later one throws.
/// </summary>
public sealed class GapWalker
{
    private readonly TimeSpan timeout;
    private ActivityEvent? previous;

    public GapWalker(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        this.timeout = timeout;
    }

    /// <summary>The previous event's gap, now that its successor <paramref name="next"/> is known; null for the first event.</summary>
    public ActiveGap? Next(ActivityEvent next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var earlier = previous;
        if (earlier is not null && next.Timestamp < earlier.Timestamp)
        {
            throw new ArgumentException(
                $"Events must be in time order: {next.Timestamp:O} follows {earlier.Timestamp:O}.", nameof(next));
        }

        previous = next;
        if (earlier is null)
        {
            return null;
        }

        var gap = next.Timestamp - earlier.Timestamp;
        return gap < timeout ? new ActiveGap(earlier, gap, Joined: true) : new ActiveGap(earlier, TimeSpan.Zero, Joined: false);
    }

    /// <summary>The last event's (empty) gap, once no more events come; null when there were none. Starts over.</summary>
    public ActiveGap? Finish()
    {
        var last = previous;
        previous = null;
        return last is null ? null : new ActiveGap(last, TimeSpan.Zero, Joined: false);
    }
}
