namespace Floyo.Activity;

/// <summary>An event as stored in a user's event log: its contiguous, per-user sequence number and the event.</summary>
/// <param name="Sequence">1-based, contiguous per user, assigned by <see cref="IUserActivityGrain"/>.</param>
/// <param name="Event">The event.</param>
[GenerateSerializer, Immutable, Alias("floyo.SequencedEvent")]
public sealed record SequencedEvent(
    [property: Id(0)] long Sequence,
    [property: Id(1)] ActivityEvent Event);
