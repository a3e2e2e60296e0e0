using System.Collections;

namespace Floyo.Activity;

/// <summary>
/// The results of one batch, one per event in the batch's order, kept small for the trip from the grain: accepted events
/// are numbered consecutively, so only the first accepted event's sequence number travels, with the few other outcomes
/// (duplicates and rejections) and their places. Reading an item makes its <see cref="IngestItemResult"/>;
/// <see cref="SequenceAt"/> answers without allocating.
/// </summary>
/// <param name="Count">How many events the batch had.</param>
/// <param name="FirstAccepted">The first accepted event's sequence number (0 when none was accepted).</param>
/// <param name="OtherIndexes">The places of the events that were not accepted, ascending.</param>
/// <param name="Others">Their results, in the same order.</param>
[GenerateSerializer, Immutable, Alias("floyo.IngestReceipt")]
public sealed record IngestReceipt(
    [property: Id(0)] int Count,
    [property: Id(1)] long FirstAccepted,
    [property: Id(2)] int[] OtherIndexes,
    [property: Id(3)] IngestItemResult[] Others) : IReadOnlyList<IngestItemResult>
{
    /// <summary>No events, no results.</summary>
    public static IngestReceipt Empty { get; } = new(0, 0, [], []);

    /// <summary>How many events were stored.</summary>
    public int Accepted => Count - Others.Length;

    public IngestItemResult this[int index]
    {
        get
        {
            var sequence = SequenceAt(index, out var other);
            return other ?? new IngestItemResult(IngestOutcome.Accepted, sequence);
        }
    }

    /// <summary>
    /// The sequence number of the event at <paramref name="index"/> when it was accepted (<paramref name="other"/> is
    /// then null); otherwise 0, with its duplicate or rejection result in <paramref name="other"/>.
    /// </summary>
    public long SequenceAt(int index, out IngestItemResult? other)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var at = Array.BinarySearch(OtherIndexes, index);
        if (at >= 0)
        {
            other = Others[at];
            return 0;
        }

        other = null;
        return FirstAccepted + index - ~at;
    }

    public IEnumerator<IngestItemResult> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
