using Floyo.Privacy;

namespace Floyo.Silo.Email;

/// <summary>The outbox's part in account deletion: the user's mail goes with the account. Mail is not activity, so retention keeps it.</summary>
public sealed class EmailOutboxData(IEmailQueue queue) : IUserDataStore
{
    public Task EraseUserAsync(Guid userId, CancellationToken cancellationToken = default) => queue.DeleteUserAsync(userId, cancellationToken);

    public Task PurgeBeforeAsync(Guid userId, DateTimeOffset cutoff, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
