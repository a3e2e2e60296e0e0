namespace Floyo.Activity;

/// <summary>
/// Per-user sequencer, keyed by user id. It assigns contiguous sequence numbers, appends events to the durable
/// event log and answers only after they are committed; then it publishes them to the user's activity stream.
/// </summary>
[Alias("floyo.IUserActivityGrain")]
public interface IUserActivityGrain : Privacy.IUserDataGrain
{
    /// <summary>
    /// Stores a batch of events. Throws <see cref="CollectionRefusedException"/> (storing nothing) before the user has
    /// consented or while tracking is paused. Returns one result per event, in order: accepted (new sequence
    /// number) or duplicate (same client event id seen before). Throws if the log could not be written; then
    /// nothing of the batch is stored and the caller may retry it as a whole.
    /// </summary>
    [Alias("ingest")]
    Task<IngestReceipt> IngestAsync(IReadOnlyList<ActivityEvent> events);

    /// <summary>
    /// Stores imported history (e.g. a WakaTime data dump) like <see cref="IngestAsync"/>, but accepts timestamps back
    /// to <see cref="ActivityEventRules.OldestImport"/> instead of the live ingest window.
    /// </summary>
    [Alias("import")]
    Task<IngestReceipt> ImportAsync(IReadOnlyList<ActivityEvent> events);

    /// <summary>Called by the user's <c>IUserGrain</c> when consent or pause change: later batches obey it at once.</summary>
    [Alias("privacy-changed")]
    Task ApplyPrivacyAsync(Users.PrivacyStatus status);

    /// <summary>The sequence number of the user's last stored event (0 when none).</summary>
    [Alias("last-seq")]
    Task<long> GetLastSequenceAsync();
}
