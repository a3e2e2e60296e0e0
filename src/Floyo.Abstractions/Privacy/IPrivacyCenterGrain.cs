using Floyo.Activity;
using Orleans.Concurrency;

namespace Floyo.Privacy;

/// <summary>
/// The privacy center's operations that span a user's stores, keyed by user id: paging through the event log for an
/// export, and deleting the account. Stateless; runs on the silo that receives the call.
/// </summary>
[Alias("floyo.IPrivacyCenterGrain")]
public interface IPrivacyCenterGrain : IGrainWithGuidKey
{
    /// <summary>Up to <paramref name="maxCount"/> (1..<see cref="MaxEventPage"/>) of the user's events after <paramref name="afterSequence"/>, ascending.</summary>
    [ReadOnly, Alias("read-events")]
    Task<IReadOnlyList<SequencedEvent>> ReadEventsAsync(long afterSequence, int maxCount);

    /// <summary>
    /// Deletes the account and everything about it: collection and API keys stop first, then every
    /// <see cref="IUserDataGrain"/>'s state, the event log, other registered stores and the audit log go. What stays is
    /// an <see cref="AccountDeletion"/> record holding nothing about the user. Idempotent. A log of millions of events
    /// takes longer than Orleans' default 10 s response time, so the caller waits up to 10 minutes.
    /// </summary>
    [ResponseTimeout("00:10:00"), Alias("delete-account")]
    Task<AccountDeletion> DeleteAccountAsync();

    /// <summary>The largest page <see cref="ReadEventsAsync"/> returns.</summary>
    const int MaxEventPage = 5000;
}
