using System.Collections.Concurrent;
using System.Diagnostics;

namespace Floyo.LoadGen;

/// <summary>A batch's accepted sequence range for a user and when its 202 was read.</summary>
public readonly record struct AckRange(long First, long Last, long AckTimestamp);

/// <summary>Everything the measured phase observed on the API side; thread-safe.</summary>
public sealed class LoadRecorder(int users)
{
    private readonly List<long> latencies = [];
    private readonly List<AckRange>[] acks = [.. Enumerable.Range(0, users).Select(_ => new List<AckRange>())];
    private readonly long[] lastSequence = new long[users];
    private readonly ConcurrentDictionary<string, int> failures = new();
    private long requests, accepted, duplicates, rejected, sentEvents, lastAck;

    public long StartTimestamp { get; } = Stopwatch.GetTimestamp();

    public long Requests => Interlocked.Read(ref requests);

    public long FailedRequests => failures.Values.Sum();

    public IReadOnlyDictionary<string, int> Failures => failures;

    public long Accepted => Interlocked.Read(ref accepted);

    public long Duplicates => Interlocked.Read(ref duplicates);

    public long Rejected => Interlocked.Read(ref rejected);

    public long SentEvents => Interlocked.Read(ref sentEvents);

    /// <summary>From the start of the phase to the last answer.</summary>
    public TimeSpan WallTime => Stopwatch.GetElapsedTime(StartTimestamp, Math.Max(Interlocked.Read(ref lastAck), StartTimestamp));

    public IReadOnlyList<long> LastSequenceByUser => lastSequence;

    public IReadOnlyList<AckRange> AcksOf(int user) => acks[user];

    /// <summary>Request latencies in <see cref="Stopwatch"/> ticks, sorted.</summary>
    public long[] SortedLatencies()
    {
        lock (latencies)
        {
            return [.. latencies.Order()];
        }
    }

    public void Record(int user, int events, long latencyTicks, IngestReply reply)
    {
        Interlocked.Increment(ref requests);
        Interlocked.Add(ref sentEvents, events);
        InterlockedMax(ref lastAck, reply.AckTimestamp);
        lock (latencies)
        {
            latencies.Add(latencyTicks);
        }

        if (!reply.Ok)
        {
            failures.AddOrUpdate(reply.Failure!, 1, (_, n) => n + 1);
            return;
        }

        Interlocked.Add(ref accepted, reply.Accepted);
        Interlocked.Add(ref duplicates, reply.Duplicates);
        Interlocked.Add(ref rejected, reply.Rejected);
        if (reply.Accepted > 0)
        {
            lock (acks[user])
            {
                acks[user].Add(new AckRange(reply.FirstSequence, reply.LastSequence, reply.AckTimestamp));
                lastSequence[user] = Math.Max(lastSequence[user], reply.LastSequence);
            }
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
