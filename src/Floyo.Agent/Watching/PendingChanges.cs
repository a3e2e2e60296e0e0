namespace Floyo.Agent.Watching;

/// <summary>
/// What the file system watchers reported since the last window: touched paths (with the time last seen), renames
/// in order, and roots whose events were lost. Written from watcher threads, taken whole by the change loop.
/// </summary>
public sealed class PendingChanges : IDisposable
{
    private readonly Lock gate = new();
    private readonly AsyncSignal changed = new();
    private Dictionary<string, DateTimeOffset> paths = new(StringComparer.Ordinal);
    private List<PendingRename> renames = [];
    private HashSet<string> lostRoots = new(StringComparer.Ordinal);

    private DateTimeOffset? firstAt;
    private DateTimeOffset lastAt;

    /// <summary>When the open window received its first and its latest change; false when no window is open.</summary>
    public bool TryGetWindow(out DateTimeOffset first, out DateTimeOffset last)
    {
        lock (gate)
        {
            first = firstAt.GetValueOrDefault();
            last = lastAt;
            return firstAt.HasValue;
        }
    }

    public void Touch(string path, DateTimeOffset at)
    {
        lock (gate)
        {
            paths[path] = at;
            Note(at);
        }
    }

    public void Rename(string oldPath, string newPath, DateTimeOffset at)
    {
        lock (gate)
        {
            renames.Add(new PendingRename(oldPath, newPath, at));
            Note(at);
        }
    }

    /// <summary>Events under <paramref name="root"/> were lost (watcher buffer overflow): the root must be rescanned.</summary>
    public void Lost(string root, DateTimeOffset at)
    {
        lock (gate)
        {
            lostRoots.Add(root);
            Note(at);
        }
    }

    public ChangeWindow Take()
    {
        lock (gate)
        {
            var window = new ChangeWindow(paths, renames, lostRoots);
            paths = new(StringComparer.Ordinal);
            renames = [];
            lostRoots = new(StringComparer.Ordinal);
            firstAt = null;
            return window;
        }
    }

    /// <summary>Completes when a change arrives (at once if one arrived since the last wait).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => changed.WaitAsync(cancellationToken);

    /// <summary>Like <see cref="WaitAsync(CancellationToken)"/>, giving up after <paramref name="timeout"/>.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => changed.WaitAsync(timeout, cancellationToken);

    public void Dispose() => changed.Dispose();

    private void Note(DateTimeOffset at)
    {
        firstAt ??= at;
        lastAt = at;
        changed.Set();
    }
}

public sealed record PendingRename(string OldPath, string NewPath, DateTimeOffset At);

/// <summary>The content of one closed window.</summary>
public sealed record ChangeWindow(
    IReadOnlyDictionary<string, DateTimeOffset> Paths, IReadOnlyList<PendingRename> Renames, IReadOnlySet<string> LostRoots)
{
    public bool IsEmpty => Paths.Count == 0 && Renames.Count == 0 && LostRoots.Count == 0;
}
