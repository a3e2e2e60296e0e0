using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Floyo.Insights.Learning;

/// <summary>
/// The global ranking model: retrains on a reminder (and on demand) from the feedback log, stores every trained model
/// as a new version, and ships it only when it beats the rule prior on held-out users (see <see cref="RankingTrainer"/>).
/// Training runs on the thread pool; reads interleave with it.
/// </summary>
public sealed class RecommendationModelGrain(
    [PersistentState("ranking-model", FloyoNames.GrainStorage)] IPersistentState<RecommendationModelState> state,
    IRecommendationFeedbackLog feedbackLog,
    IRecommendationModelStore store,
    IOptions<RankingOptions> options,
    TimeProvider clock,
    ILogger<RecommendationModelGrain> logger) : Grain, IRecommendationModelGrain, IRemindable
{
    public const string ModelName = "recommendation-acceptance";
    public const string ReminderName = "retrain";
    public const int DefaultVersionsShown = 5;

    private ShippedModel? shipped;
    private ModelVersionInfo? shippedInfo;

    /// <summary>Loads the shipped model and makes sure the retraining reminder exists: the first ranking in the cluster
    /// activates this grain, and from then on the reminder keeps retraining it (and reactivates it after a restart).</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (await store.LatestShippedAsync(ModelName, cancellationToken) is { } model)
        {
            Ship(model);
        }

        var period = options.Value.RetrainPeriod;
        await this.RegisterOrUpdateReminder(ReminderName, period, period);
    }

    public async Task<RecommendationModelInfo> GetInfoAsync(int versions)
    {
        var stored = versions > 0 ? await store.ListAsync(ModelName, versions) : [];
        return new RecommendationModelInfo(
            RankingName(shipped), shippedInfo, state.State.LastRun, state.State.AcceptanceRates, options.Value.MinimumFeedback,
            [.. stored.Select(m => m.Info)]);
    }

    public async Task<RecommendationModelInfo> RetrainAsync()
    {
        var settings = options.Value;
        var feedback = await feedbackLog.ReadRecentAsync(settings.TrainingWindow);
        var examples = feedback.Where(f => RankingFeatures.Knows(f.CatalogId)).Select(RankingExample.From).ToList();
        var result = await Task.Run(() => RankingTrainer.Train(examples, settings));
        var now = clock.GetUtcNow();
        int? version = null;
        var outcome = TrainingOutcome.Scarce;
        if (result.Model is { } model)
        {
            version = await store.LatestVersionAsync(ModelName) + 1;
            var stored = new StoredModel(
                ModelName, version.Value, now, result.TrainingExamples,
                new ModelMetrics(result.HeldOutExamples, result.ModelAuc, result.PriorAuc, $"FastTree({RankingModel.Trees} trees, {RankingModel.Leaves} leaves)", result.AcceptanceRates),
                model.Bytes, result.BeatsPrior);
            await store.SaveAsync(stored);
            outcome = result.BeatsPrior ? TrainingOutcome.Shipped : TrainingOutcome.NotBetter;
            if (result.BeatsPrior)
            {
                Ship(stored);
            }
        }

        logger.LogInformation(
            "Ranking model training: {Outcome}, {Feedback} feedback entries, version {Version}, held-out AUC model {ModelAuc:0.000} vs prior {PriorAuc:0.000}",
            outcome, examples.Count, version, result.ModelAuc, result.PriorAuc);
        state.State.LastRun = new TrainingRun(now, examples.Count, outcome, version);
        state.State.AcceptanceRates = [.. result.AcceptanceRates];
        await state.WriteStateAsync();
        return await GetInfoAsync(DefaultVersionsShown);
    }

    public Task<int> GetShippedVersionAsync() => Task.FromResult(shipped?.Version ?? 0);

    public Task<ShippedModel?> GetShippedModelAsync() => Task.FromResult(shipped);

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ReminderName ? RetrainAsync() : Task.CompletedTask;

    /// <summary>The ranking name for a shipped model, or the rule prior's.</summary>
    public static string RankingName(ShippedModel? model) => model is null ? RulePriorRanker.Name : $"model:{model.Version}";

    private void Ship(StoredModel model)
    {
        shipped = new ShippedModel(model.Version, model.Bytes);
        shippedInfo = model.Info;
    }
}
