namespace Floyo.LoadGen;

/// <summary>
/// Ingest → push latency (ms) over every (listener, accepted event of its user) pair. <c>Expected</c> pairs should have
/// been pushed; <c>Missing</c> ones no push covered by the end of the drain; <c>BeforeAck</c> ones were pushed before the
/// 202 had been read (counted as 0 ms).
/// </summary>
public sealed record PushLatency(long Expected, long Missing, long BeforeAck, double P50, double P99, double Max)
{
    /// <summary>
    /// For an event with sequence s acknowledged at time a, its push time is the first arrival of a
    /// <c>lastSequence</c> ≥ s at that listener; the latency is that time minus a.
    /// </summary>
    public static PushLatency Compute(LoadRecorder recorder, IReadOnlyList<LiveListener> listeners) =>
        Compute(recorder, listeners, listener => listener.Arrivals());

    /// <summary>The same for another message's arrivals (e.g. <see cref="LiveListener.InsightArrivals"/>).</summary>
    public static PushLatency Compute(
        LoadRecorder recorder, IReadOnlyList<LiveListener> listeners, Func<LiveListener, (long[] Sequences, long[] Timestamps)> arrivals)
    {
        var samples = new List<(long Value, long Count)>();
        long expected = 0, missing = 0, beforeAck = 0;
        foreach (var listener in listeners)
        {
            var (sequences, timestamps) = arrivals(listener);
            foreach (var ack in recorder.AcksOf(listener.UserIndex))
            {
                expected += ack.Last - ack.First + 1;
                var next = ack.First;
                for (var i = FirstAtLeast(sequences, ack.First); i < sequences.Length && next <= ack.Last; i++)
                {
                    var covered = Math.Min(sequences[i], ack.Last) - next + 1;
                    var latency = timestamps[i] - ack.AckTimestamp;
                    if (latency < 0)
                    {
                        beforeAck += covered;
                        latency = 0;
                    }

                    samples.Add((latency, covered));
                    next += covered;
                }

                missing += ack.Last - next + 1;
            }
        }

        samples.Sort((a, b) => a.Value.CompareTo(b.Value));
        var delivered = expected - missing;
        return new PushLatency(
            expected, missing, beforeAck,
            Stats.Percentile(samples, delivered, 50),
            Stats.Percentile(samples, delivered, 99),
            samples.Count == 0 ? double.NaN : Stats.ToMilliseconds(samples[^1].Value));
    }

    private static int FirstAtLeast(long[] sorted, long value)
    {
        var index = Array.BinarySearch(sorted, value);
        return index >= 0 ? index : ~index;
    }
}
