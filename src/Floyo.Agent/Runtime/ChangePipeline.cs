using Floyo.Agent.Configuration;
using Floyo.Agent.Events;
using Floyo.Agent.Queue;
using Floyo.Agent.Watching;

namespace Floyo.Agent.Runtime;

/// <summary>
/// The change loop: waits for a window to close (<see cref="AgentTuning.QuietMilliseconds"/> without changes, or
/// <see cref="AgentTuning.MaxWindowMilliseconds"/> after it opened), resolves it against the snapshot, and queues the
/// resulting events, bursts summarised (<see cref="BurstSummarizer"/>). While paused it only counts the changes.
/// An unexpected failure loses nothing: changes already settled against the snapshot and events not yet queued are
/// kept and tried again after a back-off (doubling from <see cref="AgentTuning.RetryBaseDelayMilliseconds"/>), and
/// the roots of a window that failed to resolve are rescanned. At most <see cref="AgentTuning.MaxQueuedEvents"/> are
/// kept that way; beyond that the oldest are dropped and counted, as the queue does.
/// </summary>
public sealed class ChangePipeline(
    PendingChanges pending,
    ChangeResolver resolver,
    ProjectLocator projects,
    EventQueue queue,
    StatusStore status,
    Func<AgentConfig> config,
    Action queued,
    AgentLog log,
    TimeProvider time)
{
    private readonly BurstSummarizer bursts = new(config().Tuning);
    private readonly List<FileChange> settled = [];
    private readonly List<WireEvent> unqueued = [];
    private EventBuilder? builder;
    private AgentConfig? builtFor;
    private int failures;
    private DateTimeOffset? retryAt;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (NextDue() is { } due)
            {
                var wait = due - time.GetUtcNow();
                await pending.WaitAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, cancellationToken);
            }
            else
            {
                await pending.WaitAsync(cancellationToken);
            }

            await WaitForWindowToCloseAsync(cancellationToken);
            if (retryAt - time.GetUtcNow() is { } backoff && backoff > TimeSpan.Zero)
            {
                await Task.Delay(backoff, time, cancellationToken);
            }

            ProcessPending();
        }
    }

    /// <summary>
    /// Resolves and queues whatever is pending and due now, and whatever an earlier failure left. When
    /// <paramref name="stopping"/>, also what is held back or counted for bursts, so a graceful stop loses nothing.
    /// </summary>
    public void ProcessPending(bool stopping = false)
    {
        var window = pending.Take();
        var now = time.GetUtcNow();
        try
        {
            if (!window.IsEmpty)
            {
                Resolve(window, now);
            }

            var current = config();
            if (current.Paused)
            {
                var ignored = settled.Count + bursts.Discard();
                settled.Clear();
                if (ignored > 0)
                {
                    status.Update(s => s with { IgnoredWhilePaused = s.IgnoredWhilePaused + ignored });
                }
            }
            else
            {
                unqueued.AddRange(bursts.Process(settled, now, Builder(current)));
                settled.Clear();
                if (stopping)
                {
                    unqueued.AddRange(bursts.ReleaseAll(now, Builder(current)));
                }
            }

            Enqueue();
            failures = 0;
            retryAt = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failures++;
            var backoff = Backoff(config().Tuning);
            retryAt = now + backoff;
            DropOverflow(config().Tuning.MaxQueuedEvents);
            log.Warn($"Could not process changes ({ex.GetType().Name}: {ex.Message}); keeping {settled.Count} changes and "
                + $"{unqueued.Count} events, trying again in {backoff.TotalSeconds:0.#} s.");
        }
    }

    private void Resolve(ChangeWindow window, DateTimeOffset now)
    {
        try
        {
            resolver.Resolve(window, now, settled);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // What was settled before the failure is kept; a rescan of the window's roots finds the rest.
            foreach (var root in RootsOf(window))
            {
                pending.Lost(root, now);
            }

            throw;
        }
    }

    private HashSet<string> RootsOf(ChangeWindow window) =>
        [.. window.LostRoots,
            .. window.Paths.Keys.Concat(window.Renames.SelectMany(r => new[] { r.OldPath, r.NewPath }))
                .Select(projects.WatchRootOf).OfType<string>()];

    private async Task WaitForWindowToCloseAsync(CancellationToken cancellationToken)
    {
        var tuning = config().Tuning;
        while (pending.TryGetWindow(out var first, out var last))
        {
            var due = Min(last.AddMilliseconds(tuning.QuietMilliseconds), first.AddMilliseconds(tuning.MaxWindowMilliseconds));
            var wait = due - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>When the loop must run without new changes: a held burst is due, or a failed window is retried.</summary>
    private DateTimeOffset? NextDue() =>
        (bursts.NextDue, retryAt) switch
        {
            ({ } burst, { } retry) => Min(burst, retry),
            (var burst, var retry) => burst ?? retry,
        };

    private void Enqueue()
    {
        if (unqueued.Count == 0)
        {
            return;
        }

        // If appending fails half-way, the events are appended again; each carries its id, so the server counts it once.
        var dropped = queue.Append(unqueued);
        unqueued.Clear();
        if (dropped > 0)
        {
            status.Update(s => s with { Dropped = s.Dropped + dropped });
            log.Warn($"The queue is full: dropped the {dropped} oldest events.");
        }

        queued();
    }

    private void DropOverflow(int limit)
    {
        var dropped = Trim(unqueued, limit) + Trim(settled, limit - unqueued.Count);
        if (dropped > 0)
        {
            log.Warn($"Too much is waiting to be queued: dropped the {dropped} oldest changes and events.");
            status.Update(s => s with { Dropped = s.Dropped + dropped });
        }
    }

    private static int Trim<T>(List<T> items, int limit)
    {
        var excess = Math.Max(0, items.Count - Math.Max(0, limit));
        items.RemoveRange(0, excess);
        return excess;
    }

    private TimeSpan Backoff(AgentTuning tuning) =>
        TimeSpan.FromMilliseconds(Math.Min(tuning.RetryBaseDelayMilliseconds * Math.Pow(2, Math.Min(failures - 1, 20)), tuning.MaxRetryDelayMilliseconds));

    private EventBuilder Builder(AgentConfig current)
    {
        if (builder is null || !ReferenceEquals(builtFor, current))
        {
            builder = new EventBuilder(new PathRedactor(current.Privacy, Convert.FromBase64String(current.HashKey!)), projects);
            builtFor = current;
        }

        return builder;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
