using System.Diagnostics;

namespace Floyo.LoadGen;

/// <summary>
/// The API load: per user, <see cref="LoadGenOptions.InFlightPerUser"/> loops each posting a batch and waiting for the
/// answer. Closed loop by default; with <see cref="LoadGenOptions.Rate"/> each loop follows a fixed schedule and a
/// request's latency counts from its scheduled start, so a server that falls behind shows it (no coordinated omission).
/// </summary>
public sealed class IngestLoad(LoadGenOptions options, IReadOnlyList<IngestClient> clients, IReadOnlyList<SyntheticEvents> generators)
{
    /// <summary>Runs one phase; a null recorder runs it unmeasured (warm-up).</summary>
    public async Task RunAsync(TimeSpan duration, long? maxEvents, LoadRecorder? recorder, CancellationToken cancellationToken)
    {
        var loops = clients.Count * options.InFlightPerUser;
        var interval = options.Rate is > 0 ? TimeSpan.FromSeconds(options.BatchSize * loops / options.Rate.Value) : TimeSpan.Zero;
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var budget = new EventBudget(maxEvents);
        var tasks = Enumerable.Range(0, loops).Select(loop =>
        {
            var user = loop % clients.Count;
            var offset = interval * loop / loops;
            return Task.Run(() => LoopAsync(user, start, deadline, offset, interval, budget, recorder, cancellationToken), cancellationToken);
        });
        await Task.WhenAll(tasks);
    }

    private async Task LoopAsync(
        int user, long start, long deadline, TimeSpan offset, TimeSpan interval, EventBudget budget, LoadRecorder? recorder, CancellationToken cancellationToken)
    {
        for (var n = 0L; ; n++)
        {
            var scheduled = interval > TimeSpan.Zero
                ? start + (long)((offset + (interval * n)).TotalSeconds * Stopwatch.Frequency)
                : Stopwatch.GetTimestamp();
            if (scheduled >= deadline || !budget.TryTake(options.BatchSize))
            {
                return;
            }

            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), scheduled);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            var body = generators[user].NextBody(options.BatchSize);
            var sent = Stopwatch.GetTimestamp();
            var reply = await clients[user].PostAsync(body, cancellationToken);
            var from = interval > TimeSpan.Zero ? Math.Min(scheduled, sent) : sent;
            recorder?.Record(user, options.BatchSize, reply.AckTimestamp - from, reply);
        }
    }

    private sealed class EventBudget(long? max)
    {
        private long taken;

        public bool TryTake(int events)
        {
            if (max is null)
            {
                return true;
            }

            return Interlocked.Add(ref taken, events) <= max;
        }
    }
}
