namespace Floyo.Activity;

/// <summary>
/// Per-user sequencer, keyed by user id. It assigns contiguous sequence numbers, appends events to the durable
/// event log and answers only after they are committed; then it publishes them to the user's activity stream.
/// </summary>
[Alias("floyo.IUserActivityGrain")]
public interface IUserActivityGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Stores a batch of already validated events. Returns one result per event, in order: accepted (new sequence
    /// number) or duplicate (same client event id seen before). Throws if the log could not be written; then
    /// nothing of the batch is stored and the caller may retry it as a whole.
    /// </summary>
    [Alias("ingest")]
    Task<IReadOnlyList<IngestItemResult>> IngestAsync(IReadOnlyList<ActivityEvent> events);

    /// <summary>
    /// Stores imported history (e.g. a WakaTime data dump) like <see cref="IngestAsync"/>, but accepts timestamps back
    /// to <see cref="ActivityEventRules.OldestImport"/> instead of the live ingest window.
    /// </summary>
    [Alias("import")]
    Task<IReadOnlyList<IngestItemResult>> ImportAsync(IReadOnlyList<ActivityEvent> events);

    /// <summary>The sequence number of the user's last stored event (0 when none).</summary>
    [Alias("last-seq")]
    Task<long> GetLastSequenceAsync();
}
