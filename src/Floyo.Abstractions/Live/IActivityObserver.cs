using Floyo.Activity;
using Orleans.Concurrency;

namespace Floyo.Live;

/// <summary>
/// Receives live deltas from pattern grains and insights grains. One observer per web process serves all users it has listeners for;
/// subscriptions expire and must be renewed (see <see cref="Patterns.IPatternDetectorGrain.SubscribeAsync"/>).
/// </summary>
[Alias("floyo.IActivityObserver")]
public interface IActivityObserver : IGrainObserver
{
    /// <summary>Called after a user's aggregates changed. One-way: a slow or gone web process never delays a grain.</summary>
    [OneWay, Alias("changed")]
    Task OnActivityChangedAsync(ActivityUpdate update);

    /// <summary>Called after a user's insights changed (new, gone, re-ranked or acted on), with the whole set. One-way.</summary>
    [OneWay, Alias("insights-changed")]
    Task OnInsightsChangedAsync(Insights.InsightsSnapshot snapshot);
}
