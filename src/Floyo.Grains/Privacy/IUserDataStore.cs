namespace Floyo.Privacy;

/// <summary>
/// A silo-side store outside grain state that keeps rows about users (e.g. an email outbox). Register implementations
/// as <c>IUserDataStore</c> singletons in the silo's services; account deletion calls every one. The event log and
/// the audit log are erased by <see cref="PrivacyCenterGrain"/> itself.
/// </summary>
public interface IUserDataStore
{
    /// <summary>Removes every row about the user. Idempotent.</summary>
    Task EraseUserAsync(Guid userId, CancellationToken cancellationToken = default);
}
