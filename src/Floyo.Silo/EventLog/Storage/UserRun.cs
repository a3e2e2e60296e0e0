using Floyo.Activity;

namespace Floyo.Silo.EventLog.Storage;

/// <summary>A user's appends within one group, which must follow each other: first and last sequence, the events, the latest by time.</summary>
internal sealed class UserRun
{
    private readonly List<SequencedEvent> events = [];

    private UserRun(Guid userId) => UserId = userId;

    public Guid UserId { get; }

    public long FirstSequence => events[0].Sequence;

    public long LastSequence => events[^1].Sequence;

    public IReadOnlyList<SequencedEvent> Events => events;

    /// <summary>The event with the greatest timestamp, the greatest sequence number among equal ones.</summary>
    public SequencedEvent Latest { get; private set; } = null!;

    public static Dictionary<Guid, UserRun> From(IReadOnlyList<EventAppend> group)
    {
        var runs = new Dictionary<Guid, UserRun>();
        foreach (var append in group.Where(a => a.Events.Count > 0))
        {
            if (!runs.TryGetValue(append.UserId, out var run))
            {
                runs[append.UserId] = run = new UserRun(append.UserId);
            }
            else if (append.Events[0].Sequence != run.LastSequence + 1)
            {
                throw new EventLogUnavailableException(
                    $"Two appends of user {append.UserId} in one commit do not follow each other ({run.LastSequence}, then {append.Events[0].Sequence}).");
            }

            foreach (var stored in append.Events)
            {
                run.events.Add(stored);
                if (run.Latest is null || Microseconds(stored) >= Microseconds(run.Latest))
                {
                    run.Latest = stored;
                }
            }
        }

        return runs;
    }

    /// <summary>Timestamps compare as PostgreSQL stores them, to the microsecond.</summary>
    private static long Microseconds(SequencedEvent stored) => stored.Event.Timestamp.UtcTicks / 10;
}
