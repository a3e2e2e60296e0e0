using Floyo.Agent.Configuration;

namespace Floyo.Agent.Sending;

/// <summary>
/// The watcher's sender: after new events are queued it waits <see cref="AgentTuning.SendDelayMilliseconds"/> for
/// company, then flushes. After a failure it backs off exponentially (base delay doubling, capped), or waits the
/// server's Retry-After when that is longer; <see cref="FlushNow"/> (the <c>flush</c> command, a new login, resume)
/// cuts any wait short.
/// </summary>
public sealed class SendLoop(QueueFlusher flusher, Func<IngestClient?> client, Func<bool> isPaused, AgentTuning tuning, AgentLog log) : IDisposable
{
    private readonly AsyncSignal queued = new();
    private readonly AsyncSignal now = new();
    private volatile bool urgent;

    /// <summary>Events were queued.</summary>
    public void Nudge() => queued.Set();

    /// <summary>Send at once, without the send delay or the back-off.</summary>
    public void FlushNow()
    {
        urgent = true;
        now.Set();
        queued.Set();
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            await queued.WaitAsync(cancellationToken);
            if (!urgent)
            {
                await now.WaitAsync(TimeSpan.FromMilliseconds(tuning.SendDelayMilliseconds), cancellationToken);
            }

            urgent = false;
            FlushResult result;
            try
            {
                result = await flusher.FlushAsync(client(), isPaused, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.Warn($"Sending failed: {ex.GetType().Name}: {ex.Message}");
                result = new FlushResult(0, 0, 0, new SendResult(SendStatus.Unavailable, Error: ex.Message));
            }

            if (result.Succeeded)
            {
                failures = 0;
                continue;
            }

            failures++;
            var backoff = Backoff(failures, result.Failure?.RetryAfter);
            if (!await now.WaitAsync(backoff, cancellationToken))
            {
                queued.Set();
            }
        }
    }

    public TimeSpan Backoff(int failures, TimeSpan? retryAfter)
    {
        var exponential = tuning.RetryBaseDelayMilliseconds * Math.Pow(2, Math.Min(failures - 1, 20));
        var delay = TimeSpan.FromMilliseconds(Math.Min(exponential, tuning.MaxRetryDelayMilliseconds));
        return retryAfter is { } asked && asked > delay ? asked : delay;
    }

    public void Dispose()
    {
        queued.Dispose();
        now.Dispose();
    }
}
