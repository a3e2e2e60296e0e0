using System.Diagnostics;

namespace Floyo.LoadGen;

/// <summary>One run: start or attach to the target, connect the dashboards, warm up, measure, drain, then the COPY baseline.</summary>
public static class LoadGenApp
{
    public static async Task<int> RunAsync(LoadGenOptions options, CancellationToken cancellationToken)
    {
        var repo = options.Mode == TargetMode.SelfHost ? RepoLayout.Find(options) : null;
        Log(repo is null ? $"Target: {options.Url}" : $"Self-hosting Floyo.Web ({repo.Configuration}, {options.Storage}) from {repo.Root}");
        await using var target = repo is null
            ? LoadTarget.External(options.Url!, options.Keys)
            : await LoadTarget.SelfHostAsync(options, repo, cancellationToken);
        Log($"Floyo.Web ready at {target.BaseUrl} with {target.Keys.Count} user(s)");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { BaseAddress = target.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var runTag = Guid.NewGuid().ToString("N")[..8];
        var load = new IngestLoad(
            options,
            [.. target.Keys.Select(k => new IngestClient(http, k))],
            [.. target.Keys.Select((_, i) => new SyntheticEvents(runTag, i))]);

        await using var fleet = await ListenerFleet.ConnectAsync(target.BaseUrl, target.Keys, options.Listeners, cancellationToken);
        Log($"{options.Listeners} listener(s) connected to /hubs/live");
        if (options.Warmup > TimeSpan.Zero)
        {
            Log($"Warming up for {options.Warmup.TotalSeconds:0} s (not measured)");
            await load.RunAsync(options.Warmup, null, null, cancellationToken);
        }

        var recorder = new LoadRecorder(target.Keys.Count);
        Log($"Measuring for {options.Duration.TotalSeconds:0} s{(options.MaxEvents is { } max ? $" or {max:N0} events" : "")}");
        var cpuSample = CpuUsage.Start(() => target.WebProcessorTime, () => target.Postgres is { } pg ? PostgresCpu.Total(pg.Port) : null);
        using (Progress(recorder, cancellationToken))
        {
            await load.RunAsync(options.Duration, options.MaxEvents, recorder, cancellationToken);
        }

        var cpu = cpuSample.Stop();

        await fleet.DrainAsync(recorder.LastSequenceByUser, options.Drain, cancellationToken);
        var latencies = recorder.SortedLatencies();
        var push = PushLatency.Compute(recorder, fleet.Listeners);
        var insightsPush = PushLatency.Compute(recorder, fleet.Listeners, listener => listener.InsightArrivals());
        var disconnects = fleet.Disconnects;
        await fleet.DisposeAsync();
        var webWarnings = await target.StopWebAsync();

        IReadOnlyList<CopyResult> copies = [];
        if (options.Baseline && target.Postgres is not null && repo is not null)
        {
            Log("Baseline: raw binary COPY of the same rows into fresh databases on the same server");
            copies = await new CopyBaseline(target.Postgres, repo).RunAsync(cancellationToken);
        }

        var report = new RunReport(
            options, recorder.Accepted, recorder.WallTime, recorder.Requests, recorder.FailedRequests, recorder.Failures,
            recorder.Rejected, recorder.Duplicates,
            Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 95), Stats.Percentile(latencies, 99),
            latencies.Length == 0 ? double.NaN : Stats.ToMilliseconds(latencies[^1]),
            push, insightsPush, disconnects, webWarnings, cpu, copies);
        Console.Write(report.ToText());
        if (webWarnings > 0)
        {
            Log($"First warnings of Floyo.Web:{Environment.NewLine}{target.WebFirstWarnings}");
        }

        if (options.Smoke && !report.AllWentThrough)
        {
            Console.Error.WriteLine($"Smoke run failed.{Environment.NewLine}{target.WebRecentOutput}");
            return 1;
        }

        return 0;
    }

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

    /// <summary>Prints the accepted events every 10 s while the measured phase runs.</summary>
    private static CancelOnDispose Progress(LoadRecorder recorder, CancellationToken cancellationToken)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    var seconds = Stopwatch.GetElapsedTime(recorder.StartTimestamp).TotalSeconds;
                    Log($"  {recorder.Accepted:N0} events accepted ({recorder.Accepted / seconds:N0}/s), {recorder.FailedRequests} failed requests");
                }
            }
            catch (OperationCanceledException)
            {
                // Phase over.
            }
        }, CancellationToken.None);
        return new CancelOnDispose(stop);
    }

    private sealed class CancelOnDispose(CancellationTokenSource source) : IDisposable
    {
        public void Dispose()
        {
            source.Cancel();
            source.Dispose();
        }
    }
}
