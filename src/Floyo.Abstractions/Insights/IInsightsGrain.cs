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
