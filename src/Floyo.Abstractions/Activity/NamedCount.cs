namespace Floyo.Activity;

/// <summary>A name (kind, extension, project, …) and how many events carried it.</summary>
[GenerateSerializer, Immutable, Alias("floyo.NamedCount")]
public sealed record NamedCount(
    [property: Id(0)] string Name,
    [property: Id(1)] long Count);
