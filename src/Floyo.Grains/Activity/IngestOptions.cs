namespace Floyo.Activity;

/// <summary>Ingest settings, bound from <c>Floyo:Ingest</c>.</summary>
public sealed class IngestOptions
{
    public const string Section = "Floyo:Ingest";

    /// <summary>Events older than this are rejected (history comes in through imports).</summary>
    public TimeSpan MaxEventAge { get; set; } = ActivityEventRules.DefaultMaxAge;
}
