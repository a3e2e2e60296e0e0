namespace Floyo.Activity;

/// <summary>A recently touched file.</summary>
/// <param name="Entity">The file path as stored.</param>
/// <param name="Kind">The last thing that happened to it.</param>
/// <param name="Project">Its project, when known.</param>
/// <param name="Timestamp">When that happened.</param>
/// <param name="Sequence">The sequence number of that event.</param>
[GenerateSerializer, Immutable, Alias("floyo.RecentFile")]
public sealed record RecentFile(
    [property: Id(0)] string Entity,
    [property: Id(1)] ActivityKind Kind,
    [property: Id(2)] string? Project,
    [property: Id(3)] DateTimeOffset Timestamp,
    [property: Id(4)] long Sequence);
