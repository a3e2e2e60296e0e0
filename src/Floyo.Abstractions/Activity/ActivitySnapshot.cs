namespace Floyo.Activity;

/// <summary>
/// Everything the dashboard shows, as of <see cref="LastSequence"/>. Counts cover the UTC day <see cref="Day"/>;
/// lists are sorted by count descending, then name.
/// </summary>
[GenerateSerializer, Immutable, Alias("floyo.ActivitySnapshot")]
public sealed record ActivitySnapshot(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] DateOnly Day,
    [property: Id(2)] long LastSequence,
    [property: Id(3)] long TotalEvents,
    [property: Id(4)] IReadOnlyList<NamedCount> TodayByKind,
    [property: Id(5)] IReadOnlyList<NamedCount> TodayByExtension,
    [property: Id(6)] IReadOnlyList<NamedCount> TodayByProject,
    [property: Id(7)] IReadOnlyList<RecentFile> RecentFiles);
