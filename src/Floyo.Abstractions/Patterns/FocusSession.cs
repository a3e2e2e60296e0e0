namespace Floyo.Patterns;

/// <summary>
/// A stretch of uninterrupted work in one project and one area (file group), at least the configured minimum length
/// (default 25 minutes), with no pause longer than the configured gap (default 5 minutes) and no event outside the
/// area other than short excursions (default at most 2 minutes).
/// </summary>
/// <param name="Start">First event of the session (UTC).</param>
/// <param name="End">Last event of the session (UTC).</param>
/// <param name="Project">The project (null when events carried none).</param>
/// <param name="Area">The file group: the first two directory levels of the paths worked on, e.g. <c>src/Billing</c>
/// ("(root)" for files at the top).</param>
/// <param name="Events">Events in the session.</param>
/// <param name="Files">Distinct files touched in the session.</param>
[GenerateSerializer, Immutable, Alias("floyo.FocusSession")]
public sealed record FocusSession(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset End,
    [property: Id(2)] string? Project,
    [property: Id(3)] string Area,
    [property: Id(4)] int Events,
    [property: Id(5)] int Files)
{
    /// <summary>Length in seconds.</summary>
    public double Seconds => (End - Start).TotalSeconds;
}
