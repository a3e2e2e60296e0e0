using Floyo.Agent.Configuration;
using Floyo.Agent.Events;
using Floyo.Agent.Queue;
using Floyo.Agent.Watching;

namespace Floyo.Agent.Runtime;

/// <summary>
/// The change loop: waits for a window to close (<see cref="AgentTuning.QuietMilliseconds"/> without changes, or
/// <see cref="AgentTuning.MaxWindowMilliseconds"/> after it opened), resolves it against the snapshot, and queues the
/// resulting events, bursts summarised (<see cref="BurstSummarizer"/>). While paused it only counts the changes.
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
    private EventBuilder? builder;
    private AgentConfig? builtFor;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (bursts.NextDue is { } due)
            {
                var wait = due - time.GetUtcNow();
                await pending.WaitAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, cancellationToken);
            }
            else
            {
                await pending.WaitAsync(cancellationToken);
            }

            await WaitForWindowToCloseAsync(cancellationToken);
            ProcessPending();
        }
    }

    /// <summary>
    /// Resolves and queues whatever is pending and due now. When <paramref name="stopping"/>, also what is held back or
    /// counted for bursts, so a graceful stop loses nothing.
    /// </summary>
    public void ProcessPending(bool stopping = false)
    {
        try
        {
            var window = pending.Take();
            var now = time.GetUtcNow();
            var changes = window.IsEmpty ? [] : resolver.Resolve(window, now);
            var current = config();
            if (current.Paused)
            {
                var ignored = changes.Count + bursts.Discard();
                if (ignored > 0)
                {
                    status.Update(s => s with { IgnoredWhilePaused = s.IgnoredWhilePaused + ignored });
                }

                return;
            }

            var events = bursts.Process(changes, now, Builder(current));
            if (stopping)
            {
                events.AddRange(bursts.ReleaseAll(now, Builder(current)));
            }

            Enqueue(events);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.Warn($"Could not process changes: {ex.GetType().Name}: {ex.Message}");
        }
    }

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

    private void Enqueue(List<WireEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        var dropped = queue.Append(events);
        if (dropped > 0)
        {
            status.Update(s => s with { Dropped = s.Dropped + dropped });
            log.Warn($"The queue is full: dropped the {dropped} oldest events.");
        }

        queued();
    }

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
