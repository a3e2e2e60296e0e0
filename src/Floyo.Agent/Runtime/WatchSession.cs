using Floyo.Agent.Configuration;
using Floyo.Agent.Queue;
using Floyo.Agent.Sending;
using Floyo.Agent.Watching;

namespace Floyo.Agent.Runtime;

/// <summary>
/// A running <c>watch</c>: root watchers feeding the change loop, the offline queue it appends to, the send loop
/// draining it, and the control monitor for pause/resume/login/flush from other processes.
/// </summary>
public sealed class WatchSession : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly ConfigStore store;
    private readonly AgentLog log;
    private readonly PendingChanges pending = new();
    private readonly List<IngestClient> clients = [];
    private readonly List<Task> loops = [];
    private readonly SendLoop sender;
    private readonly ChangePipeline changes;
    private volatile AgentConfig config;
    private volatile IngestClient? client;

    private WatchSession(ConfigStore store, AgentConfig config, IReadOnlyList<string> roots, AgentLog log, TimeProvider time)
    {
        this.store = store;
        this.config = config;
        this.log = log;
        client = CreateClient(config);
        Queue = EventQueue.Open(store.Paths.QueueDirectory, config.Tuning.MaxQueuedEvents, config.Tuning.BatchSize);
        Status = new StatusStore(store.Paths.StatusFile);
        var projects = new ProjectLocator(roots);
        var resolver = new ChangeResolver(new PathFilter(projects, config.Include, config.Exclude));
        Watchers = [.. projects.WatchRoots.Select(r => new RootWatcher(r, pending, time, log))];
        sender = new SendLoop(new QueueFlusher(Queue, Status, log, config.Tuning.BatchSize, time), () => client, () => IsPaused, config.Tuning, log);
        changes = new ChangePipeline(pending, resolver, projects, Queue, Status, () => this.config, sender.Nudge, log, time);
        var control = new ControlMonitor(store, OnConfigChanged, sender.FlushNow, log);

        foreach (var watcher in Watchers)
        {
            watcher.Start();
        }

        // Listening starts before the first scan, so nothing changed during the scan is missed.
        resolver.Initialize();
        KnownFiles = resolver.KnownFiles;

        // The first scan is a one-off burst of garbage; an idle background tool should hand that memory back.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        loops.Add(Task.Run(() => changes.RunAsync(stopping.Token)));
        loops.Add(Task.Run(() => sender.RunAsync(stopping.Token)));
        loops.Add(Task.Run(() => control.RunAsync(config.Tuning.ControlPollMilliseconds, stopping.Token)));
        if (Queue.Count > 0)
        {
            sender.Nudge();
        }

        log.Info($"Watching {string.Join(", ", projects.WatchRoots)} ({KnownFiles} files); {Queue.Count} events queued; privacy {config.Privacy.ToString().ToLowerInvariant()}.");
    }

    public EventQueue Queue { get; }

    public StatusStore Status { get; }

    public IReadOnlyList<RootWatcher> Watchers { get; }

    /// <summary>Files found by the first scan.</summary>
    public int KnownFiles { get; }

    public bool IsPaused => config.Paused;

    /// <summary>Starts watching <paramref name="roots"/> (or the config's roots when empty). Throws <see cref="QueueLockedException"/> if another watcher runs.</summary>
    public static WatchSession Start(AgentPaths paths, IReadOnlyList<string> roots, AgentLog log, TimeProvider? time = null)
    {
        var store = new ConfigStore(paths);
        var config = store.Load();
        if (string.IsNullOrEmpty(config.HashKey))
        {
            config = store.Update(c => c);
        }

        var watched = roots.Count > 0 ? roots : config.Roots;
        if (watched.Count == 0)
        {
            throw new ArgumentException("No folders to watch: name them (floyo-agent watch DIR...) or list them under 'roots' in the config.");
        }

        var missing = watched.FirstOrDefault(r => !Directory.Exists(r));
        return missing is not null
            ? throw new DirectoryNotFoundException($"No such folder: {missing}")
            : new WatchSession(store, config, watched, log, time ?? TimeProvider.System);
    }

    /// <summary>Sends the queue now (skips the send delay and any back-off).</summary>
    public void FlushNow() => sender.FlushNow();

    /// <summary>Completes when the session stops by itself (it runs until disposed).</summary>
    public Task Completion => Task.WhenAll(loops);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        foreach (var watcher in Watchers)
        {
            watcher.Dispose();
        }

        try
        {
            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        // Changes heard but not yet in a closed window are queued, not lost (they are sent on the next start).
        changes.ProcessPending(stopping: true);
        Queue.Dispose();
        sender.Dispose();
        pending.Dispose();
        foreach (var c in clients)
        {
            c.Dispose();
        }

        stopping.Dispose();
    }

    private void OnConfigChanged(AgentConfig updated)
    {
        var previous = config;
        if (string.IsNullOrEmpty(updated.HashKey))
        {
            updated = updated with { HashKey = previous.HashKey }; // hand-edited away: hashes must stay stable
        }

        config = updated;
        if (updated.ServerUrl != previous.ServerUrl || updated.ApiKey != previous.ApiKey)
        {
            client = CreateClient(updated);
            log.Info($"Server settings changed: sending to {updated.ServerUrl}.");
            sender.FlushNow();
        }

        if (previous.Paused != updated.Paused)
        {
            log.Info(updated.Paused ? "Paused: changes are neither queued nor sent." : "Resumed.");
            if (!updated.Paused)
            {
                sender.FlushNow();
            }
        }
    }

    private IngestClient? CreateClient(AgentConfig settings)
    {
        if (string.IsNullOrEmpty(settings.ServerUrl) || string.IsNullOrEmpty(settings.ApiKey)
            || !Uri.TryCreate(settings.ServerUrl, UriKind.Absolute, out var server))
        {
            return null;
        }

        var created = new IngestClient(server, settings.ApiKey, settings.Tuning);
        lock (clients)
        {
            clients.Add(created);
        }

        return created;
    }
}
