namespace Floyo.Insights.Learning;

/// <summary>
/// Trains a ranking model from feedback and decides whether it may ship: users are split by a hash of their id into
/// training and held-out users (<see cref="RankingOptions.HeldOutPercent"/>); the model trains on the former and
/// ships only when its ROC AUC on the held-out users' feedback beats the AUC of the rule prior scores on the same
/// feedback by at least <see cref="RankingOptions.MinimumAucGain"/>.
/// </summary>
public static class RankingTrainer
{
    public static TrainingResult Train(IReadOnlyList<RankingExample> examples, RankingOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        var known = examples.Where(e => RankingFeatures.Knows(e.CatalogId)).ToList();
        var rates = AcceptanceRates(known);
        var heldOut = known.Where(e => IsHeldOut(e.UserId, options.HeldOutPercent)).ToList();
        var training = known.Where(e => !IsHeldOut(e.UserId, options.HeldOutPercent)).ToList();
        if (known.Count < options.MinimumFeedback || !BothLabels(heldOut) || !BothLabels(training))
        {
            return new TrainingResult(null, known.Count, 0, 0, 0, false, rates);
        }

        var model = RankingModel.Train(training);
        var modelAuc = RankingMetrics.Auc(heldOut.Select(e => (model.Score(e.CatalogId, e.Features), e.Accepted)))!.Value;
        var priorAuc = RankingMetrics.Auc(heldOut.Select(e => (e.Prior, e.Accepted)))!.Value;
        return new TrainingResult(model, training.Count, heldOut.Count, modelAuc, priorAuc, modelAuc >= priorAuc + options.MinimumAucGain, rates);
    }

    /// <summary>Whether <paramref name="userId"/> is a held-out user (a fixed hash of the id, so the split is stable).</summary>
    public static bool IsHeldOut(Guid userId, int heldOutPercent)
    {
        Span<byte> bytes = stackalloc byte[16];
        userId.TryWriteBytes(bytes);
        return BitConverter.ToUInt32(bytes) % 100 < (uint)heldOutPercent;
    }

    /// <summary>Accepted ÷ (accepted + dismissed) per catalogue entry, in catalogue order.</summary>
    public static IReadOnlyList<TypeAcceptance> AcceptanceRates(IEnumerable<RankingExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var counts = examples.GroupBy(e => e.CatalogId).ToDictionary(g => g.Key, g => (Accepted: g.Count(e => e.Accepted), Dismissed: g.Count(e => !e.Accepted)));
        return
        [
            .. RecommendationCatalog.All.Select(entry =>
            {
                var (accepted, dismissed) = counts.GetValueOrDefault(entry.Id);
                return new TypeAcceptance(entry.Id, accepted, dismissed, accepted + dismissed == 0 ? null : (double)accepted / (accepted + dismissed));
            }),
        ];
    }

    private static bool BothLabels(IReadOnlyCollection<RankingExample> examples) =>
        examples.Any(e => e.Accepted) && examples.Any(e => !e.Accepted);
}

/// <summary>What a training run produced.</summary>
/// <param name="Model">The trained model, null when feedback was too scarce to train.</param>
/// <param name="TrainingExamples">Examples trained on (all known examples when none was trained).</param>
/// <param name="HeldOutExamples">Examples of held-out users it was evaluated on.</param>
/// <param name="ModelAuc">The model's held-out ROC AUC.</param>
/// <param name="PriorAuc">The rule prior's held-out ROC AUC.</param>
/// <param name="BeatsPrior">Whether the model may ship.</param>
/// <param name="AcceptanceRates">Per recommendation type, over every example read.</param>
public sealed record TrainingResult(
    RankingModel? Model,
    int TrainingExamples,
    int HeldOutExamples,
    double ModelAuc,
    double PriorAuc,
    bool BeatsPrior,
    IReadOnlyList<TypeAcceptance> AcceptanceRates);
