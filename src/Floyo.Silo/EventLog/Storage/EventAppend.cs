using Floyo.Activity;

namespace Floyo.Silo.EventLog.Storage;

/// <summary>One user's events to append, as the sequencer hands them over.</summary>
internal sealed record EventAppend(Guid UserId, IReadOnlyList<SequencedEvent> Events)
{
    /// <summary>Highest sequence number the table's <c>integer</c> column holds.</summary>
    public const long MaxSequence = int.MaxValue;

    /// <summary>Checks what the log can tell without the database: contiguous, in range, a kind the body can hold.</summary>
    public void Validate()
    {
        for (var i = 0; i < Events.Count; i++)
        {
            var sequence = Events[i].Sequence;
            if (sequence != Events[0].Sequence + i)
            {
                throw new EventLogUnavailableException($"Sequence {sequence} does not follow {Events[0].Sequence + i - 1} in the same append.");
            }

            if (sequence is < 1 or > MaxSequence)
            {
                throw new EventLogUnavailableException($"Sequence {sequence} is outside the log's range 1..{MaxSequence}.");
            }

            if ((short)Events[i].Event.Kind < 0)
            {
                throw new EventLogUnavailableException($"Kind {Events[i].Event.Kind} cannot be stored.");
            }
        }
    }
}
