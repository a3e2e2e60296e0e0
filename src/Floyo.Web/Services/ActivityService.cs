using Floyo.Activity;
using Floyo.Patterns;

namespace Floyo.Web.Services;

/// <summary>Facade over the activity and pattern grains for the web layer.</summary>
public sealed class ActivityService(IGrainFactory grains)
{
    /// <summary>Stores events for the user; one result per event, in order. Throws when the log is unavailable.</summary>
    public Task<IngestReceipt> IngestAsync(Guid userId, IReadOnlyList<ActivityEvent> events) =>
        grains.GetGrain<IUserActivityGrain>(userId).IngestAsync(events);

    /// <summary>Stores imported history (timestamps back to 2000 accepted); one result per event, in order.</summary>
    public Task<IngestReceipt> ImportAsync(Guid userId, IReadOnlyList<ActivityEvent> events) =>
        grains.GetGrain<IUserActivityGrain>(userId).ImportAsync(events);

    /// <summary>The user's current aggregates, including every event acknowledged so far.</summary>
    public Task<ActivitySnapshot> GetSnapshotAsync(Guid userId) =>
        grains.GetGrain<IPatternDetectorGrain>(userId).GetSnapshotAsync();
}
