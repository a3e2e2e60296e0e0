namespace Floyo.Patterns;

/// <summary>A frequently changed file (a heavy hitter over the last 28 days, tracked with bounded memory).</summary>
/// <param name="Entity">The file path as reported.</param>
/// <param name="Project">The project of its latest change.</param>
/// <param name="Changes">Change events (created, modified, renamed, saves) in the tracked period; an estimate that
/// may over-count by at most <see cref="ErrorBound"/>.</param>
/// <param name="ErrorBound">The estimate's maximum over-count (space-saving sketch; 0 means exact).</param>
/// <param name="LinesAdded">Lines added, when the client reported line changes.</param>
/// <param name="LinesDeleted">Lines deleted, when the client reported line changes.</param>
/// <param name="LastChanged">Its latest change (UTC).</param>
[GenerateSerializer, Immutable, Alias("floyo.HotFile")]
public sealed record HotFile(
    [property: Id(0)] string Entity,
    [property: Id(1)] string? Project,
    [property: Id(2)] long Changes,
    [property: Id(3)] long ErrorBound,
    [property: Id(4)] long LinesAdded,
    [property: Id(5)] long LinesDeleted,
    [property: Id(6)] DateTimeOffset LastChanged)
{
    /// <summary>Churn: lines added plus lines deleted.</summary>
    public long Churn => LinesAdded + LinesDeleted;
}
