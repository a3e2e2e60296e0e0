using Floyo.Agent.Configuration;
using Floyo.Agent.Events;
using Floyo.Agent.Queue;
using Floyo.Agent.Watching;

namespace Floyo.Agent.Runtime;

/// <summary>
/// The change loop: waits for a window to close (<see cref="AgentTuning.QuietMilliseconds"/> without changes, or
/// <see cref="AgentTuning.MaxWindowMilliseconds"/> after it opened), resolves it against the snapshot, and queues the
/// resulting events (summarised in bursts) unless the agent is paused, in which case it only counts them.
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
    private readonly BurstDetector bursts = new(config().Tuning.BurstThreshold, TimeSpan.FromMilliseconds(config().Tuning.BurstCoolDownMilliseconds));
    private EventBuilder? builder;
    private AgentConfig? builtFor;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await pending.WaitAsync(cancellationToken);
            await WaitForWindowToCloseAsync(cancellationToken);
            ProcessPending();
        }
    }

    /// <summary>Resolves and queues whatever is pending now (also called once when the session stops).</summary>
    public void ProcessPending()
    {
        try
        {
            ProcessWindow(pending.Take());
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

    private void ProcessWindow(ChangeWindow window)
    {
        if (window.IsEmpty)
        {
            return;
        }

        var now = time.GetUtcNow();
        var changes = resolver.Resolve(window, now);
        if (changes.Count == 0)
        {
            return;
        }

        var current = config();
        if (current.Paused)
        {
            status.Update(s => s with { IgnoredWhilePaused = s.IgnoredWhilePaused + changes.Count });
            return;
        }

        var events = Builder(current).Build(changes, now);
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
            builder = new EventBuilder(new PathRedactor(current.Privacy, Convert.FromBase64String(current.HashKey!)), projects, bursts);
            builtFor = current;
        }

        return builder;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
