using Floyo.Activity.Codecs;

namespace Floyo.Activity;

/// <summary>
/// The stream message published after a batch is durable. A notification only: consumers that see a gap in
/// <see cref="SequencedEvent.Sequence"/> read the missing events from the event log. On the wire it is an
/// <see cref="ActivityBatchSurrogate"/>: the events in <see cref="SequencedEventsCodec"/>'s compact form.
/// </summary>
/// <param name="UserId">Owner of the events.</param>
/// <param name="Events">Events in ascending, contiguous sequence order.</param>
[Immutable, Alias("floyo.ActivityBatch")]
public sealed record ActivityBatch(Guid UserId, IReadOnlyList<SequencedEvent> Events);

/// <summary>What Orleans serializes for an <see cref="ActivityBatch"/>.</summary>
[GenerateSerializer, Immutable, Alias("floyo.ActivityBatchSurrogate")]
public readonly record struct ActivityBatchSurrogate(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] byte[] Events);

/// <summary>Converts <see cref="ActivityBatch"/> to and from its wire form.</summary>
[RegisterConverter]
public sealed class ActivityBatchConverter : IConverter<ActivityBatch, ActivityBatchSurrogate>
{
    public ActivityBatch ConvertFromSurrogate(in ActivityBatchSurrogate surrogate) =>
        new(surrogate.UserId, SequencedEventsCodec.Decode(surrogate.Events));

    public ActivityBatchSurrogate ConvertToSurrogate(in ActivityBatch value) =>
        new(value.UserId, SequencedEventsCodec.Encode(value.Events));
}
