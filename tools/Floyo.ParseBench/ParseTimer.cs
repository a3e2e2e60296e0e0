using System.Diagnostics;
using Floyo.Web.Apis;

namespace Floyo.ParseBench;

/// <summary>One timed round: time and bytes allocated per event over <c>iterations</c> reads of one body.</summary>
public readonly record struct RoundResult(double MicrosecondsPerEvent, double BytesPerEvent);

/// <summary>Times <see cref="EventBatchReader.Read"/> on one body, on the current thread.</summary>
public static class ParseTimer
{
    /// <summary>Reads the body until <paramref name="duration"/> has passed, so tiered JIT reaches its final code.</summary>
    public static void WarmUp(byte[] body, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            Read(body);
        }
    }

    public static RoundResult Round(byte[] body, int iterations)
    {
        var events = Read(body) * (long)iterations;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            Read(body);
        }

        var elapsed = clock.Elapsed;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return new RoundResult(elapsed.TotalMicroseconds / events, (double)allocated / events);
    }

    /// <summary>Reads the body and checks every event came out valid, so the bench never times an error path.</summary>
    private static int Read(byte[] body)
    {
        var batch = EventBatchReader.Read(body);
        if (batch.Problem is not null || batch.Items.Any(i => i.Event is null))
        {
            throw new InvalidOperationException($"The bench body did not read cleanly: {batch.Problem ?? batch.Items.First(i => i.Event is null).Error?.Error}");
        }

        return batch.Items.Count;
    }
}
