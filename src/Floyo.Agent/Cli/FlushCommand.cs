using System.CommandLine;
using Floyo.Agent.Configuration;
using Floyo.Agent.Queue;
using Floyo.Agent.Sending;

namespace Floyo.Agent.Cli;

/// <summary>
/// <c>flush</c>: sends the queue now. When a watcher owns the queue it is asked to (through the flush request file)
/// and the command waits for its answer in the status file.
/// </summary>
public static class FlushCommand
{
    private static readonly TimeSpan WatcherAnswerTimeout = TimeSpan.FromSeconds(60);

    public static Command Create(AgentCli cli)
    {
        var command = new Command("flush", "Send the queued events now.");
        command.SetAction(async (result, cancellationToken) =>
        {
            var store = cli.Store(result);
            var config = store.Load();
            if (config.Paused)
            {
                cli.Error.WriteLine("Paused: nothing is sent. Run 'floyo-agent resume' first.");
                return 1;
            }

            try
            {
                using var queue = EventQueue.Open(store.Paths.QueueDirectory, config.Tuning.MaxQueuedEvents, config.Tuning.BatchSize);
                return await FlushHereAsync(cli, store, config, queue, cancellationToken);
            }
            catch (QueueLockedException)
            {
                return await AskWatcherAsync(cli, store.Paths, cancellationToken);
            }
        });
        return command;
    }

    private static async Task<int> FlushHereAsync(AgentCli cli, ConfigStore store, AgentConfig config, EventQueue queue, CancellationToken cancellationToken)
    {
        var queued = queue.Count;
        using var client = Uri.TryCreate(config.ServerUrl, UriKind.Absolute, out var server) && !string.IsNullOrEmpty(config.ApiKey)
            ? new IngestClient(server, config.ApiKey, config.Tuning)
            : null;
        var flusher = new QueueFlusher(queue, new StatusStore(store.Paths.StatusFile), new AgentLog(cli.Error), config.Tuning.BatchSize);
        var outcome = await flusher.FlushAsync(client, () => false, cancellationToken);
        if (!outcome.Succeeded)
        {
            cli.Error.WriteLine($"Not sent ({queue.Count} events kept): {outcome.Failure!.Error}");
            return 1;
        }

        cli.Output.WriteLine($"Sent {queued} events: {outcome.Accepted} accepted, {outcome.Duplicates} duplicates, {outcome.Rejected} rejected.");
        return 0;
    }

    private static async Task<int> AskWatcherAsync(AgentCli cli, AgentPaths paths, CancellationToken cancellationToken)
    {
        var before = StatusStore.Read(paths.StatusFile);
        OwnerOnlyFile.WriteAtomically(paths.FlushRequestFile, []);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(WatcherAnswerTimeout);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            while (await timer.WaitForNextTickAsync(timeout.Token))
            {
                var now = StatusStore.Read(paths.StatusFile);
                if (now.LastErrorAt != before.LastErrorAt && now.LastError is not null)
                {
                    cli.Error.WriteLine($"The running watcher could not send: {now.LastError}");
                    return 1;
                }

                if (now.LastSyncAt != before.LastSyncAt || (!File.Exists(paths.FlushRequestFile) && SegmentFiles.CountQueued(paths.QueueDirectory) == 0))
                {
                    cli.Output.WriteLine($"The running watcher sent the queue; {SegmentFiles.CountQueued(paths.QueueDirectory)} events queued.");
                    return 0;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out below.
        }

        cli.Error.WriteLine("The running watcher did not answer within 60 s.");
        return 1;
    }
}
