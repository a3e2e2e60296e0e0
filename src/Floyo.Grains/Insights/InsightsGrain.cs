using Floyo.Live;
using Floyo.Onboarding;
using Floyo.Patterns;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Floyo.Insights;

/// <summary>
/// Keeps one user's feedback and the latest generated insights, ranks recommendations and tells observers about every
/// change. The generated set arrives from the pattern grain as events are applied; after a reactivation the grain pulls
/// the current pattern report once.
/// </summary>
public sealed class InsightsGrain(
    [PersistentState("insights", FloyoNames.GrainStorage)] IPersistentState<InsightsState> state,
    IRecommendationFeedbackLog feedbackLog,
    IRecommendationRanker ranker,
    TimeProvider clock,
    ILogger<InsightsGrain> logger) : Grain, IInsightsGrain
{
    public static readonly TimeSpan MinSnooze = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxSnooze = TimeSpan.FromDays(90);

    private readonly ObserverManager<IActivityObserver> observers = new(TimeSpan.FromMinutes(5), logger);
    private GeneratedInsights? latest;
    private bool firstInsightRecorded;

    private Guid UserId => this.GetPrimaryKey();

    /// <summary>Account deletion: feedback and the cached insights go; the recommendation feedback log is a store of its own.</summary>
    public async Task EraseUserDataAsync()
    {
        latest = null;
        observers.Clear();
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    /// <summary>Retention: insights are regenerated from the (purged) pattern report on the next read; feedback is the user's own choice and stays.</summary>
    public Task PurgeBeforeAsync(DateTimeOffset cutoff)
    {
        latest = null;
        return Task.CompletedTask;
    }

    public async Task<InsightsSnapshot> GetInsightsAsync()
    {
        var report = await GrainFactory.GetGrain<IPatternDetectorGrain>(UserId).GetPatternsAsync();
        if (latest is null || report.Checkpoint > latest.Checkpoint)
        {
            latest = InsightGenerator.Generate(report);
        }

        return await SnapshotAsync();
    }

    public async Task<Insight> ActAsync(string insightId, InsightAction action, TimeSpan? snoozeFor)
    {
        ArgumentNullException.ThrowIfNull(insightId);
        if (latest is null)
        {
            await GetInsightsAsync();
        }

        var insight = latest!.Insights.FirstOrDefault(i => i.Id == insightId)
            ?? throw new KeyNotFoundException($"No insight '{insightId}'.");
        if (action == InsightAction.Snooze && (snoozeFor is not { } length || length < MinSnooze || length > MaxSnooze))
        {
            throw new ArgumentException("Snoozing needs a length between 1 hour and 90 days.", nameof(snoozeFor));
        }

        var now = clock.GetUtcNow();
        var feedback = new InsightFeedback
        {
            Status = action switch
            {
                InsightAction.Accept => InsightStatus.Accepted,
                InsightAction.Dismiss => InsightStatus.Dismissed,
                InsightAction.Snooze => InsightStatus.Snoozed,
                _ => InsightStatus.Open,
            },
            At = now,
            SnoozedUntil = action == InsightAction.Snooze ? now + snoozeFor : null,
        };
        state.State.Feedback[insightId] = feedback;
        await state.WriteStateAsync();
        if (insight.Recommendation is { } recommendation && action is InsightAction.Accept or InsightAction.Dismiss)
        {
            await feedbackLog.AppendAsync(new RecommendationFeedback(UserId, recommendation.CatalogId, action == InsightAction.Accept, now, latest.Features));
            FloyoMetrics.RecommendationFeedback.Add(1, new("type", recommendation.CatalogId), new("action", action.ToString().ToLowerInvariant()));
        }

        var snapshot = await SnapshotAsync();
        Notify(snapshot);
        return snapshot.Insights.First(i => i.Id == insightId);
    }

    public async Task ApplyGeneratedAsync(GeneratedInsights generated)
    {
        ArgumentNullException.ThrowIfNull(generated);
        if (latest is not null && generated.Checkpoint <= latest.Checkpoint)
        {
            return;
        }

        latest = generated;
        if (generated.Insights.Count > 0 && !firstInsightRecorded)
        {
            firstInsightRecorded = true;
            GrainFactory.GetGrain<IOnboardingGrain>(UserId).RecordMilestoneAsync(ActivationMilestone.FirstInsight).Ignore();
        }

        if (observers.Count > 0)
        {
            Notify(await SnapshotAsync());
        }
    }

    public Task SubscribeAsync(IActivityObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IActivityObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private void Notify(InsightsSnapshot snapshot) => observers.Notify(o => o.OnInsightsChangedAsync(snapshot));

    private async Task<InsightsSnapshot> SnapshotAsync()
    {
        var current = latest ?? new GeneratedInsights(0, [], new Dictionary<string, double>());
        var ranking = await ranker.RankAsync(current);
        var now = clock.GetUtcNow();
        var insights = current.Insights
            .Select(i => WithFeedback(i, ranking.Scores.GetValueOrDefault(i.Id, i.Score), now))
            .OrderByDescending(i => i.Score)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
        return new InsightsSnapshot(UserId, current.Checkpoint, insights, ranking.Name);
    }

    private Insight WithFeedback(Insight insight, double score, DateTimeOffset now)
    {
        if (!state.State.Feedback.TryGetValue(insight.Id, out var feedback)
            || (feedback.Status == InsightStatus.Snoozed && feedback.SnoozedUntil <= now))
        {
            return insight with { Score = score };
        }

        return insight with { Score = score, Status = feedback.Status, SnoozedUntil = feedback.SnoozedUntil };
    }
}
