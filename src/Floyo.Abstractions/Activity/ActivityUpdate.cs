namespace Floyo.Activity;

/// <summary>
/// A live delta pushed after events are applied. The count lists hold only the names whose counts changed, with their
/// new absolute values for <see cref="Day"/> (so applying an update twice is harmless). When <see cref="Day"/> differs
/// from the day a client holds, the client starts the new day from this update. <see cref="RecentFiles"/> is the full,
/// short list of most recent files.
/// </summary>
[GenerateSerializer, Immutable, Alias("floyo.ActivityUpdate")]
public sealed record ActivityUpdate(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] DateOnly Day,
    [property: Id(2)] long LastSequence,
    [property: Id(3)] long TotalEvents,
    [property: Id(4)] IReadOnlyList<NamedCount> TodayByKind,
    [property: Id(5)] IReadOnlyList<NamedCount> TodayByExtension,
    [property: Id(6)] IReadOnlyList<NamedCount> TodayByProject,
    [property: Id(7)] IReadOnlyList<RecentFile> RecentFiles);
