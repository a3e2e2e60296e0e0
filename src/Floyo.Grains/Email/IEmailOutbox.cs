namespace Floyo.Email;

/// <summary>
/// Where grains put email: a durable queue (Postgres, or memory in the embedded default) that a background sender
/// delivers with retries. Enqueueing is cheap and never talks to a mail server.
/// </summary>
public interface IEmailOutbox
{
    Task EnqueueAsync(OutgoingEmail email, CancellationToken cancellationToken = default);
}
