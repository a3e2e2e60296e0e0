namespace Floyo.Activity;

/// <summary>The result for one event of a batch, in the batch's order.</summary>
/// <param name="Outcome">Whether it was stored.</param>
/// <param name="Sequence">The event's sequence number when accepted or duplicate.</param>
/// <param name="Field">For a rejected event: the offending field (JSON name).</param>
/// <param name="Error">For a rejected event: what is wrong, in plain words.</param>
[GenerateSerializer, Immutable, Alias("floyo.IngestItemResult")]
public sealed record IngestItemResult(
    [property: Id(0)] IngestOutcome Outcome,
    [property: Id(1)] long? Sequence = null,
    [property: Id(2)] string? Field = null,
    [property: Id(3)] string? Error = null)
{
    /// <summary>A rejection with a field-level message.</summary>
    public static IngestItemResult Reject(string field, string error) => new(IngestOutcome.Rejected, null, field, error);
}
