namespace Floyo.Reports;

/// <summary>The user's most recent event, for "last seen" displays.</summary>
[GenerateSerializer, Immutable, Alias("floyo.LastActivity")]
public sealed record LastActivity(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string? Project,
    [property: Id(2)] string? Plugin,
    [property: Id(3)] string? Editor);
