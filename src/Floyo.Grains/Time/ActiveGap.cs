using Floyo.Activity;

namespace Floyo.Time;

/// <summary>
/// The stretch from an event to the next one, attributed to the earlier <paramref name="Event"/>.
/// <paramref name="Joined"/> is true when the next event came within the keystroke timeout, so the stretch is active
/// time and the two events belong to one continuous stretch; <paramref name="Length"/> is then the gap, else zero.
/// </summary>
public readonly record struct ActiveGap(ActivityEvent Event, TimeSpan Length, bool Joined)
{
    public DateTimeOffset Start => Event.Timestamp;

    public DateTimeOffset End => Event.Timestamp + Length;
}
