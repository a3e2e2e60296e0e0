using Floyo.Live;
using Orleans.Concurrency;

namespace Floyo.Insights;

/// <summary>
/// One user's insights, keyed by user id: the latest generated set (pushed by the pattern grain whenever it changes),
/// the user's feedback per insight id, and the ranking. Observers hear every change within the same request chain as
/// the event that caused it.
/// </summary>
[Alias("floyo.IInsightsGrain")]
public interface IInsightsGrain : Privacy.IUserDataGrain
{
    /// <summary>The current insights with feedback applied, after catching up with the log.</summary>
    [Alias("get")]
    Task<InsightsSnapshot> GetInsightsAsync();

    /// <summary>
    /// Records the user's action on insight <paramref name="insightId"/>; <paramref name="snoozeFor"/> is required for
    /// snooze (1 hour .. 90 days). Throws <see cref="KeyNotFoundException"/> for an id the user does not have.
    /// </summary>
    [Alias("act")]
    Task<Insight> ActAsync(string insightId, InsightAction action, TimeSpan? snoozeFor);

    /// <summary>
    /// Replaces the generated set (called by the pattern grain; feedback is kept by id). One-way, because this grain
    /// calls the pattern grain too: a waiting call in each direction would deadlock two non-reentrant grains. A set
    /// older than the one held (by checkpoint) is ignored, so arrival order does not matter.
    /// </summary>
    [OneWay, Alias("generated")]
    Task ApplyGeneratedAsync(GeneratedInsights generated);

    /// <summary>Every accept and dismiss of a recommendation the user gave, oldest first, as the ranking model learns
    /// from them (the user's data export).</summary>
    [Alias("feedback-log")]
    Task<IReadOnlyList<RecommendationFeedbackEntry>> GetFeedbackLogAsync();

    [Alias("subscribe")]
    Task SubscribeAsync(IActivityObserver observer);

    [Alias("unsubscribe")]
    Task UnsubscribeAsync(IActivityObserver observer);
}

/// <summary>Insights as generated from a pattern report, before feedback and ranking.</summary>
/// <param name="Checkpoint">The last event sequence reflected.</param>
/// <param name="Insights">The insights with their rule scores (priors).</param>
/// <param name="Features">The user's features the ranking model scores recommendations with (name → value).</param>
[GenerateSerializer, Immutable, Alias("floyo.GeneratedInsights")]
public sealed record GeneratedInsights(
    [property: Id(0)] long Checkpoint,
    [property: Id(1)] IReadOnlyList<Insight> Insights,
    [property: Id(2)] IReadOnlyDictionary<string, double> Features);

/// <summary>One accept or dismiss of a recommendation, with what the ranking model learns from it.</summary>
/// <param name="Type">The recommendation's catalogue id.</param>
/// <param name="Accepted">True for accept, false for dismiss.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Prior">The rule prior score it had then; null for entries recorded before it was kept.</param>
/// <param name="Features">The user's features then (name → value).</param>
[GenerateSerializer, Immutable, Alias("floyo.RecommendationFeedbackEntry")]
public sealed record RecommendationFeedbackEntry(
    [property: Id(0)] string Type,
    [property: Id(1)] bool Accepted,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] double? Prior,
    [property: Id(4)] IReadOnlyDictionary<string, double> Features);
