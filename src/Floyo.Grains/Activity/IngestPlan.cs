namespace Floyo.Activity;

/// <summary>
/// Decides, for one batch, which events are rejected, which are duplicates of earlier (or same-batch) events with the
/// same client event id, and which sequence numbers the rest get. Pure: nothing is changed until the caller commits.
/// </summary>
internal sealed class IngestPlan
{
    private IngestPlan(IngestReceipt results, List<SequencedEvent> toStore)
    {
        Results = results;
        ToStore = toStore;
    }

    public IngestReceipt Results { get; }

    public IReadOnlyList<SequencedEvent> ToStore { get; }

    public static IngestPlan Create(
        IReadOnlyList<ActivityEvent> events,
        long lastSequence,
        RecentClientIds recentIds,
        DateTimeOffset now,
        TimeSpan maxAge)
    {
        var (otherIndexes, others) = (new List<int>(), new List<IngestItemResult>());
        var toStore = new List<SequencedEvent>(events.Count);
        Dictionary<string, long>? idsInBatch = null;
        var next = lastSequence;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (ActivityEventRules.Validate(e, now, maxAge) is var (field, message))
            {
                otherIndexes.Add(i);
                others.Add(IngestItemResult.Reject(field, message));
                continue;
            }

            if (e.ClientEventId is { } clientId)
            {
                idsInBatch ??= new(events.Count - i, StringComparer.Ordinal);
                if (recentIds.TryGet(clientId, out var earlier) || idsInBatch.TryGetValue(clientId, out earlier))
                {
                    otherIndexes.Add(i);
                    others.Add(new IngestItemResult(IngestOutcome.Duplicate, earlier));
                    continue;
                }

                idsInBatch[clientId] = next + 1;
            }

            next++;
            toStore.Add(new SequencedEvent(next, e.Timestamp.Offset == TimeSpan.Zero ? e : e with { Timestamp = e.Timestamp.ToUniversalTime() }));
        }

        var firstAccepted = toStore.Count > 0 ? toStore[0].Sequence : 0;
        return new IngestPlan(new IngestReceipt(events.Count, firstAccepted, [.. otherIndexes], [.. others]), toStore);
    }
}
