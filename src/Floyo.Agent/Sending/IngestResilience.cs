using Floyo.Agent.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Floyo.Agent.Sending;

/// <summary>
/// The request pipeline: retries of transient failures (network errors, timeouts, 408, 429, 5xx) with exponential
/// back-off and jitter, waiting what the server's Retry-After asks (capped) instead when it sends one; a timeout per
/// attempt. Resending a batch is safe: every event carries its client id.
/// </summary>
public static class IngestResilience
{
    public static ResiliencePipeline<HttpResponseMessage> Build(AgentTuning tuning, TimeProvider time)
    {
        var maxDelay = TimeSpan.FromMilliseconds(tuning.MaxRetryDelayMilliseconds);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (tuning.RetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                ShouldRetryAfterHeader = false,
                MaxRetryAttempts = tuning.RetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(tuning.RetryBaseDelayMilliseconds),
                MaxDelay = maxDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter.Of(args.Outcome.Result, time.GetUtcNow(), maxDelay)),
            });
        }

        return builder.AddTimeout(TimeSpan.FromMilliseconds(tuning.AttemptTimeoutMilliseconds)).Build();
    }
}
