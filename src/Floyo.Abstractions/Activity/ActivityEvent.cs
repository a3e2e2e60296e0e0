namespace Floyo.Activity;

/// <summary>
/// One thing a developer did with a file, as submitted by a client and validated by
/// <see cref="ActivityEventRules"/>. Immutable; order of the parameters and <c>[Id]</c>s is part of the wire format.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Entity">The file path (or a redacted form of it chosen by the client).</param>
/// <param name="Timestamp">When it happened, with offset; stored in UTC.</param>
/// <param name="Project">Optional project name.</param>
/// <param name="Language">Optional language name.</param>
/// <param name="Editor">Optional editor name.</param>
/// <param name="Branch">Optional source-control branch.</param>
/// <param name="PreviousEntity">For <see cref="ActivityKind.Renamed"/>: the old path.</param>
/// <param name="ClientEventId">Optional client-chosen id; a retried event with the same id is stored once.</param>
/// <param name="Details">Optional richer fields (type, category, machine, line changes, AI assistance, …).</param>
[GenerateSerializer, Immutable, Alias("floyo.ActivityEvent")]
public sealed record ActivityEvent(
    [property: Id(0)] ActivityKind Kind,
    [property: Id(1)] string Entity,
    [property: Id(2)] DateTimeOffset Timestamp,
    [property: Id(3)] string? Project = null,
    [property: Id(4)] string? Language = null,
    [property: Id(5)] string? Editor = null,
    [property: Id(6)] string? Branch = null,
    [property: Id(7)] string? PreviousEntity = null,
    [property: Id(8)] string? ClientEventId = null,
    [property: Id(9)] EventDetails? Details = null)
{
    /// <summary>The category, defaulting to coding.</summary>
    public string Category => Details?.Category ?? ActivityCategories.Coding;
}
