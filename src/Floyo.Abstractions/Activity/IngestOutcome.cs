namespace Floyo.Activity;

/// <summary>The fate of one submitted event.</summary>
[GenerateSerializer, Alias("floyo.IngestOutcome")]
public enum IngestOutcome
{
    /// <summary>Stored durably under a new sequence number.</summary>
    Accepted = 1,

    /// <summary>An event with the same client event id was stored before; nothing new was written.</summary>
    Duplicate = 2,

    /// <summary>The event failed validation and was not stored.</summary>
    Rejected = 3,
}
