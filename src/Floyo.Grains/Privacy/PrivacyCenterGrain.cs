using Floyo.Activity;
using Orleans.Concurrency;

namespace Floyo.Privacy;

[StatelessWorker]
public sealed class PrivacyCenterGrain(
    IEventLog eventLog,
    IAuditLog auditLog,
    IEnumerable<IUserDataStore> stores,
    TimeProvider clock) : Grain, IPrivacyCenterGrain
{
    private Guid UserId => this.GetPrimaryKey();

    public Task<IReadOnlyList<SequencedEvent>> ReadEventsAsync(long afterSequence, int maxCount) =>
        maxCount is < 1 or > IPrivacyCenterGrain.MaxEventPage
            ? throw new ArgumentOutOfRangeException(nameof(maxCount), maxCount, $"A page holds 1 to {IPrivacyCenterGrain.MaxEventPage} events.")
            : eventLog.ReadAsync(UserId, afterSequence, maxCount);

    /// <summary>
    /// The request is audited first, so a deletion that fails half-way is visible to the user, who can retry; a
    /// completed one erases that entry with the rest.
    /// </summary>
    public async Task<AccountDeletion> DeleteAccountAsync()
    {
        await auditLog.AppendAsync(UserId, clock.GetUtcNow(), AuditAction.AccountDeletionRequested, null, AuditOrigin.Current);
        foreach (var holder in UserDataGrains.For(GrainFactory, UserId))
        {
            await holder.EraseUserDataAsync();
        }

        await eventLog.EraseUserAsync(UserId);
        foreach (var store in stores)
        {
            await store.EraseUserAsync(UserId);
        }

        await auditLog.EraseUserAsync(UserId);
        var deletion = new AccountDeletion(Guid.NewGuid(), clock.GetUtcNow());
        await auditLog.RecordAccountDeletionAsync(deletion);
        return deletion;
    }
}
