using Microsoft.Extensions.Options;

namespace Floyo.Silo.Email;

/// <summary>
/// The background sender: claims due mail, delivers it, and records each outcome. A failure is retried with exponential
/// backoff (<see cref="EmailOptions.FirstRetryDelay"/> doubling up to <see cref="EmailOptions.MaxRetryDelay"/>) until
/// <see cref="EmailOptions.MaxAttempts"/>, then marked failed. Runs in every silo; the queue keeps senders apart.
/// </summary>
public sealed partial class EmailDispatcher(
    IEmailQueue queue,
    IEmailTransport transport,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<EmailDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 20;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await SendDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogQueueUnavailable(e);
            }

            if (sent == 0)
            {
                try
                {
                    await queue.WaitForMailAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var due = await queue.ClaimDueAsync(BatchSize, Lease, cancellationToken);
        foreach (var item in due)
        {
            try
            {
                await transport.SendAsync(MimeMessageFactory.Create(item.Email, options.Value.From), cancellationToken);
                await queue.MarkSentAsync(item.Id, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                var retryAt = item.Attempts >= options.Value.MaxAttempts ? (DateTimeOffset?)null : clock.GetUtcNow() + RetryDelay(item.Attempts);
                if (retryAt is { } next)
                {
                    LogSendFailed(e, item.Id, item.Attempts, next);
                }
                else
                {
                    LogGaveUp(e, item.Id, item.Attempts);
                }

                await queue.MarkFailedAsync(item.Id, e.Message, retryAt, cancellationToken);
            }
        }

        return due.Count;
    }

    /// <summary>The wait after <paramref name="attempts"/> failed attempts.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var delay = options.Value.FirstRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 30));
        return delay < options.Value.MaxRetryDelay ? delay : options.Value.MaxRetryDelay;
    }

    [LoggerMessage(LogLevel.Warning, "Sending email {Id} failed (attempt {Attempts}); next attempt at {RetryAt:O}.")]
    private partial void LogSendFailed(Exception exception, long id, int attempts, DateTimeOffset retryAt);

    [LoggerMessage(LogLevel.Error, "Sending email {Id} failed {Attempts} times; it is marked failed.")]
    private partial void LogGaveUp(Exception exception, long id, int attempts);

    [LoggerMessage(LogLevel.Warning, "The email outbox could not be read; retrying.")]
    private partial void LogQueueUnavailable(Exception exception);
}
