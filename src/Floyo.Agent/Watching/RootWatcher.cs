namespace Floyo.Agent.Watching;

/// <summary>
/// A recursive <see cref="FileSystemWatcher"/> on one root that only records what it hears in
/// <see cref="PendingChanges"/>. When the watcher reports an error (its buffer overflowed, so events were lost),
/// it is restarted if needed and the root is marked for a full rescan against the snapshot.
/// </summary>
public sealed class RootWatcher : IDisposable
{
    private readonly FileSystemWatcher watcher;
    private readonly PendingChanges pending;
    private readonly TimeProvider time;
    private readonly AgentLog log;

    public RootWatcher(string root, PendingChanges pending, TimeProvider time, AgentLog log)
    {
        Root = root;
        this.pending = pending;
        this.time = time;
        this.log = log;
        watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            InternalBufferSize = 64 * 1024,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Created += (_, e) => pending.Touch(e.FullPath, time.GetUtcNow());
        watcher.Changed += (_, e) => pending.Touch(e.FullPath, time.GetUtcNow());
        watcher.Deleted += (_, e) => pending.Touch(e.FullPath, time.GetUtcNow());
        watcher.Renamed += (_, e) => pending.Rename(e.OldFullPath, e.FullPath, time.GetUtcNow());
        watcher.Error += (_, e) => ReportLostEvents(e.GetException());
    }

    public string Root { get; }

    public void Start() => watcher.EnableRaisingEvents = true;

    /// <summary>Stops listening (events are lost until <see cref="ReportLostEvents"/>); tests use it to stage an overflow.</summary>
    public void Suspend() => watcher.EnableRaisingEvents = false;

    /// <summary>What the watcher's Error event does: listen again if it stopped, and rescan the root.</summary>
    public void ReportLostEvents(Exception cause)
    {
        log.Warn($"Watcher error under {Root} ({cause.GetType().Name}: {cause.Message}); rescanning.");
        try
        {
            // An overflow leaves the watcher running; another error may have stopped it. Restarting a running watcher
            // after, say, the inotify watch limit was hit would only hit it again.
            if (!watcher.EnableRaisingEvents)
            {
                watcher.EnableRaisingEvents = false;
                watcher.EnableRaisingEvents = true;
            }
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
        {
            log.Warn($"Could not restart the watcher under {Root}: {ex.Message}");
        }

        pending.Lost(Root, time.GetUtcNow());
    }

    public void Dispose() => watcher.Dispose();
}
