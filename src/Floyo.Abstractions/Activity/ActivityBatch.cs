namespace Floyo.Activity;

/// <summary>
/// The stream message published after a batch is durable. A notification only: consumers that see a gap in
/// <see cref="SequencedEvent.Sequence"/> read the missing events from the event log.
/// </summary>
/// <param name="UserId">Owner of the events.</param>
/// <param name="Events">Events in ascending, contiguous sequence order.</param>
[GenerateSerializer, Immutable, Alias("floyo.ActivityBatch")]
public sealed record ActivityBatch(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] IReadOnlyList<SequencedEvent> Events);
