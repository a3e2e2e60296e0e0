namespace Floyo.Privacy;

/// <summary>Persisted state of <see cref="RetentionGrain"/>.</summary>
[GenerateSerializer, Alias("floyo.RetentionState")]
public sealed class RetentionState
{
    [Id(0)] public RetentionPeriod Period { get; set; }

    [Id(1)] public DateTimeOffset? LastRunAt { get; set; }

    [Id(2)] public long LastPurgedEvents { get; set; }
}
