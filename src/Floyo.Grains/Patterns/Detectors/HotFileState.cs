namespace Floyo.Patterns.Detectors;

/// <summary>The hot-file sketch (at most <see cref="HotFileDetector.Capacity"/> files) and the day decay was last applied on.</summary>
[GenerateSerializer, Alias("floyo.HotFileState")]
public sealed class HotFileState
{
    [Id(0)] public Dictionary<string, CounterEntry> Files { get; set; } = [];

    [Id(1)] public int DecayDay { get; set; }
}
