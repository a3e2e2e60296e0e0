using Floyo.Activity;
using Floyo.Privacy;

namespace Floyo.Web.Services;

/// <summary>Facade over the privacy center's grains: retention, the event pages of an export, account deletion.</summary>
public sealed class PrivacyCenterService(IGrainFactory grains)
{
    public Task<RetentionStatus> GetRetentionAsync(Guid userId) => grains.GetGrain<IRetentionGrain>(userId).GetAsync();

    /// <summary>Changes the retention period; a shorter one purges at once.</summary>
    public Task<RetentionStatus> SetRetentionAsync(Guid userId, RetentionPeriod period) => grains.GetGrain<IRetentionGrain>(userId).SetAsync(period);

    /// <summary>The user's events in sequence order, one page of <paramref name="pageSize"/> at a time, never more in memory.</summary>
    public async IAsyncEnumerable<SequencedEvent> ReadEventsAsync(
        Guid userId, int pageSize = IPrivacyCenterGrain.MaxEventPage, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var center = grains.GetGrain<IPrivacyCenterGrain>(userId);
        var after = 0L;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await center.ReadEventsAsync(after, pageSize);
            foreach (var e in page)
            {
                yield return e;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = page[^1].Sequence;
        }
    }

    /// <summary>Deletes the account and all its data (see <see cref="IPrivacyCenterGrain.DeleteAccountAsync"/>).</summary>
    public Task<AccountDeletion> DeleteAccountAsync(Guid userId) => grains.GetGrain<IPrivacyCenterGrain>(userId).DeleteAccountAsync();
}
