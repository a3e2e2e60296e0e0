namespace Floyo.Privacy;

/// <summary>
/// A grain keyed by user id that keeps data about that user. Account deletion and retention find every grain
/// interface deriving from this one (in Floyo.Abstractions) and call it, so a new per-user grain joins both by
/// deriving its interface from <see cref="IUserDataGrain"/>; the deletion test then proves it leaves nothing behind.
/// </summary>
public interface IUserDataGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Removes everything the grain keeps about the user (its persisted state row, reminders, caches) and deactivates.
    /// Idempotent; called while the account is being deleted, after collection and API keys were stopped.
    /// </summary>
    [Alias("erase-user-data")]
    Task EraseUserDataAsync();

    /// <summary>Drops derived data (rollups, recent items) about activity before <paramref name="cutoff"/>: the user's retention.</summary>
    [Alias("purge-before")]
    Task PurgeBeforeAsync(DateTimeOffset cutoff);
}
