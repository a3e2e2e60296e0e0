namespace Floyo.Insights;

/// <summary>
/// Something true and useful about how the user works, with the numbers behind it and, for recommendations, a tool or
/// practice to adopt. Generated from the pattern report, so re-processing the same log gives the same insights with the
/// same ids; the user's feedback (accept, dismiss, snooze) is kept by id and survives regeneration.
/// </summary>
/// <param name="Id">Deterministic id: the type and a stable subject, e.g. <c>test-watcher:floyo</c> or
/// <c>co-edit:3f2a9c1d</c>.</param>
/// <param name="Type">What kind of insight (see <see cref="InsightTypes"/>; for recommendations the catalogue id).</param>
/// <param name="Severity">How much it deserves attention.</param>
/// <param name="Title">One line for the UI.</param>
/// <param name="Summary">One or two sentences in plain words.</param>
/// <param name="Why">The numbers behind it ("why am I seeing this").</param>
/// <param name="Recommendation">For recommendations: what to adopt, why it fits and how; null for observations.</param>
/// <param name="Score">Ranking score, 0..1 (for recommendations the estimated chance the user accepts it); insights
/// are listed highest first.</param>
/// <param name="Status">The user's feedback so far.</param>
/// <param name="SnoozedUntil">When a snoozed insight comes back (UTC); null unless snoozed.</param>
/// <param name="AsOf">The pattern report time it was generated from (UTC, the newest event's time).</param>
[GenerateSerializer, Immutable, Alias("floyo.Insight")]
public sealed record Insight(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] InsightSeverity Severity,
    [property: Id(3)] string Title,
    [property: Id(4)] string Summary,
    [property: Id(5)] IReadOnlyList<InsightEvidence> Why,
    [property: Id(6)] RecommendationDetails? Recommendation,
    [property: Id(7)] double Score,
    [property: Id(8)] InsightStatus Status,
    [property: Id(9)] DateTimeOffset? SnoozedUntil,
    [property: Id(10)] DateTimeOffset AsOf)
{
    /// <summary>True for recommendations (insights with a catalogue entry).</summary>
    public bool IsRecommendation => Recommendation is not null;
}

/// <summary>One number behind an insight.</summary>
/// <param name="Label">What the number is, e.g. "Source ↔ test switches".</param>
/// <param name="Value">The number.</param>
/// <param name="Unit">Its unit, e.g. "per day", "seconds", "%" (empty when it is a plain count).</param>
[GenerateSerializer, Immutable, Alias("floyo.InsightEvidence")]
public sealed record InsightEvidence(
    [property: Id(0)] string Label,
    [property: Id(1)] double Value,
    [property: Id(2)] string Unit);

/// <summary>A catalogue entry applied to the user: what it is, why it fits them, how to adopt it.</summary>
/// <param name="CatalogId">The catalogue id, e.g. <c>test-watcher</c>.</param>
/// <param name="Name">The tool or practice, e.g. "A test watcher".</param>
/// <param name="What">What it is.</param>
/// <param name="WhyItFits">Why it fits this user, in terms of their numbers.</param>
/// <param name="HowToAdopt">Concrete first steps.</param>
[GenerateSerializer, Immutable, Alias("floyo.RecommendationDetails")]
public sealed record RecommendationDetails(
    [property: Id(0)] string CatalogId,
    [property: Id(1)] string Name,
    [property: Id(2)] string What,
    [property: Id(3)] string WhyItFits,
    [property: Id(4)] IReadOnlyList<string> HowToAdopt);

[GenerateSerializer, Alias("floyo.InsightSeverity")]
public enum InsightSeverity
{
    /// <summary>Good to know.</summary>
    Info = 0,

    /// <summary>Worth acting on.</summary>
    Suggestion = 1,

    /// <summary>Something is costing the user noticeably.</summary>
    Warning = 2,
}

[GenerateSerializer, Alias("floyo.InsightStatus")]
public enum InsightStatus
{
    /// <summary>No feedback yet.</summary>
    Open = 0,

    /// <summary>The user accepted it (will adopt / has adopted it).</summary>
    Accepted = 1,

    /// <summary>The user does not want it; it stays hidden unless asked for.</summary>
    Dismissed = 2,

    /// <summary>Hidden until <see cref="Insight.SnoozedUntil"/>.</summary>
    Snoozed = 3,
}

/// <summary>What the user does with an insight.</summary>
[GenerateSerializer, Alias("floyo.InsightAction")]
public enum InsightAction
{
    Accept = 0,
    Dismiss = 1,
    Snooze = 2,

    /// <summary>Back to <see cref="InsightStatus.Open"/> (undo).</summary>
    Reopen = 3,
}
