namespace Floyo.Privacy;

/// <summary>
/// A silo-side store outside grain state that keeps rows about users (e.g. an email outbox). Register implementations
/// as <c>IUserDataStore</c> singletons in the silo's services (<see cref="UserDataStores.AddUserDataStore{T}"/>); account
/// deletion and retention call every one. The event log and the audit log are handled by <see cref="PrivacyCenterGrain"/>
/// and <see cref="RetentionGrain"/> themselves.
/// </summary>
public interface IUserDataStore
{
    /// <summary>Removes every row about the user. Idempotent.</summary>
    Task EraseUserAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Removes rows about the user's activity before <paramref name="cutoff"/> (retention); a store of choices may keep them.</summary>
    Task PurgeBeforeAsync(Guid userId, DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
