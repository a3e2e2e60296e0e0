using Floyo.Email;

namespace Floyo.Silo.Email;

/// <summary>The sender's side of the outbox: claim due messages, then record each attempt's outcome.</summary>
public interface IEmailQueue : IEmailOutbox
{
    /// <summary>
    /// Takes up to <paramref name="max"/> due messages and hides them from other senders for <paramref name="lease"/>
    /// (a sender that dies mid-send leaves them to be retried when the lease ends).
    /// </summary>
    Task<IReadOnlyList<QueuedEmail>> ClaimDueAsync(int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Delivered: keeps the row as a delivery record and drops the bodies (they hold one-time links).</summary>
    Task MarkSentAsync(long id, CancellationToken cancellationToken);

    /// <summary>Failed: retried at <paramref name="retryAt"/>, or failed for good when it is null.</summary>
    Task MarkFailedAsync(long id, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>Removes every message to or about the user, sent or not (account deletion).</summary>
    Task DeleteUserAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Completes when a message is queued in this process or after <paramref name="timeout"/>.</summary>
    Task WaitForMailAsync(TimeSpan timeout, CancellationToken cancellationToken);
}
