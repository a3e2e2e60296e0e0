using System.Diagnostics;
using Floyo.Activity;

namespace Floyo.StorageBench;

/// <summary>
/// Appends the workload's batches in arrival order, many users at once (as their sequencer grains would), each user's
/// batches strictly one after the other; the writer under test groups what arrives together.
/// </summary>
internal static class Loader
{
    /// <summary>Appends in flight at once across users (requests being served by the cluster).</summary>
    private const int Concurrency = 64;

    public static async Task<TimeSpan> LoadAsync(Workload workload, Func<Guid, IReadOnlyList<SequencedEvent>, Task> append)
    {
        var clock = Stopwatch.StartNew();
        using var slots = new SemaphoreSlim(Concurrency);
        var tails = new Dictionary<Guid, Task>();
        foreach (var batch in workload.BatchesInArrivalOrder)
        {
            await slots.WaitAsync();
            var previous = tails.GetValueOrDefault(batch.UserId, Task.CompletedTask);
            tails[batch.UserId] = AppendAfterAsync(previous, batch, append, slots);
        }

        await Task.WhenAll(tails.Values);
        return clock.Elapsed;
    }

    private static async Task AppendAfterAsync(Task previous, Batch batch, Func<Guid, IReadOnlyList<SequencedEvent>, Task> append, SemaphoreSlim slots)
    {
        try
        {
            await previous;
            await append(batch.UserId, batch.Events);
        }
        finally
        {
            slots.Release();
        }
    }
}
