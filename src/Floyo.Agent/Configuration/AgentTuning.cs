namespace Floyo.Agent.Configuration;

/// <summary>Timing and size knobs. The defaults suit a workstation; tests shorten the timings.</summary>
public sealed record AgentTuning
{
    /// <summary>A change window closes after this long without a new change.</summary>
    public int QuietMilliseconds { get; init; } = 300;

    /// <summary>A change window closes at the latest this long after it opened (a long burst is cut into windows).</summary>
    public int MaxWindowMilliseconds { get; init; } = 5_000;

    /// <summary>More changes than this in one project within <see cref="BurstCoolDownMilliseconds"/> are a burst, summarised as one event per kind.</summary>
    public int BurstThreshold { get; init; } = 100;

    /// <summary>A window with more changes than this in one project is held back (up to the cool-down) to see whether a burst follows.</summary>
    public int BurstHoldThreshold { get; init; } = 10;

    /// <summary>A burst ends after this long without changes in its project; held changes wait at most this long.</summary>
    public int BurstCoolDownMilliseconds { get; init; } = 2_000;

    /// <summary>A burst that goes on longer than this reports its summary so far and keeps counting.</summary>
    public int BurstMaxSpanMilliseconds { get; init; } = 60_000;

    /// <summary>How long queued events wait for company before they are sent.</summary>
    public int SendDelayMilliseconds { get; init; } = 2_000;

    /// <summary>The queue's bound; when it is full the oldest events are dropped (and counted).</summary>
    public int MaxQueuedEvents { get; init; } = 100_000;

    /// <summary>Events per request (the server takes at most 1000).</summary>
    public int BatchSize { get; init; } = 1_000;

    /// <summary>Retries of one request after the first attempt (HTTP 408, 429, 5xx and network errors).</summary>
    public int RetryAttempts { get; init; } = 3;

    /// <summary>The first retry delay; later ones grow exponentially (with jitter).</summary>
    public int RetryBaseDelayMilliseconds { get; init; } = 1_000;

    /// <summary>The longest wait between attempts, including a server's Retry-After.</summary>
    public int MaxRetryDelayMilliseconds { get; init; } = 300_000;

    /// <summary>How often a running watcher looks for <c>pause</c>, <c>resume</c>, <c>login</c> and <c>flush</c> from other processes.</summary>
    public int ControlPollMilliseconds { get; init; } = 1_000;

    /// <summary>Timeout of one HTTP attempt.</summary>
    public int AttemptTimeoutMilliseconds { get; init; } = 30_000;
}
