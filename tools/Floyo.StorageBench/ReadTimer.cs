using System.Diagnostics;

namespace Floyo.StorageBench;

/// <summary>Median wall time of a read after two warm-up runs (warm caches: the steady state of a busy server).</summary>
internal static class ReadTimer
{
    public static async Task<(double MedianMs, T Result)> MeasureAsync<T>(int repeats, Func<Task<T>> read)
    {
        var result = await read();
        await read();
        var times = new List<double>(repeats);
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            result = await read();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times[times.Count / 2], result);
    }
}
