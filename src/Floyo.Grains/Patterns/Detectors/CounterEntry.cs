namespace Floyo.Patterns.Detectors;

/// <summary>One monitored key of a <see cref="SpaceSaving"/> sketch.</summary>
[GenerateSerializer, Alias("floyo.CounterEntry")]
public sealed class CounterEntry
{
    /// <summary>Estimated (decayed) count; over-counts by at most <see cref="Error"/>.</summary>
    [Id(0)] public double Count { get; set; }

    /// <summary>The count the evicted key had when this key took its slot.</summary>
    [Id(1)] public double Error { get; set; }

    [Id(2)] public DateTimeOffset LastSeen { get; set; }

    /// <summary>A label that goes with the key (the project of the latest occurrence).</summary>
    [Id(3)] public string? Tag { get; set; }

    /// <summary>Recent measurements (durations in seconds), at most <see cref="SpaceSaving.MaxSamples"/>, oldest first.</summary>
    [Id(4)] public List<double>? Samples { get; set; }

    [Id(5)] public long LinesAdded { get; set; }

    [Id(6)] public long LinesDeleted { get; set; }

    /// <summary>The count this key certainly has: <see cref="Count"/> − <see cref="Error"/>.</summary>
    public double Guaranteed => Count - Error;
}
