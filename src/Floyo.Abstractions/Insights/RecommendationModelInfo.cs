namespace Floyo.Insights;

/// <summary>The state of recommendation ranking, aggregated over all users (no per-user data).</summary>
/// <param name="Ranking">What orders recommendations now: <c>rules</c> or <c>model:N</c>.</param>
/// <param name="Shipped">The shipped model version, null while the rule prior ranks.</param>
/// <param name="LastRun">The most recent training run, null before the first.</param>
/// <param name="AcceptanceRates">Accepted ÷ (accepted + dismissed) per recommendation type, over the feedback the last
/// run read (catalogue order).</param>
/// <param name="MinimumFeedback">Feedback entries needed before a model is trained at all.</param>
/// <param name="Versions">The most recent stored model versions, newest first (shipped or not).</param>
[GenerateSerializer, Immutable, Alias("floyo.RecommendationModelInfo")]
public sealed record RecommendationModelInfo(
    [property: Id(0)] string Ranking,
    [property: Id(1)] ModelVersionInfo? Shipped,
    [property: Id(2)] TrainingRun? LastRun,
    [property: Id(3)] IReadOnlyList<TypeAcceptance> AcceptanceRates,
    [property: Id(4)] int MinimumFeedback,
    [property: Id(5)] IReadOnlyList<ModelVersionInfo> Versions);

/// <summary>One stored model version and how it did on the held-out feedback.</summary>
/// <param name="Version">1, 2, … in training order.</param>
/// <param name="CreatedAt">When it was trained (UTC).</param>
/// <param name="TrainingExamples">Feedback entries it was trained on.</param>
/// <param name="HeldOutExamples">Feedback entries of held-out users it was evaluated on.</param>
/// <param name="ModelAuc">ROC AUC of the model's scores on the held-out entries (accept = positive).</param>
/// <param name="PriorAuc">ROC AUC of the rule prior scores on the same entries.</param>
/// <param name="Shipped">Whether it beat the prior and was shipped (a later shipped version replaces it).</param>
[GenerateSerializer, Immutable, Alias("floyo.ModelVersionInfo")]
public sealed record ModelVersionInfo(
    [property: Id(0)] int Version,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] int TrainingExamples,
    [property: Id(3)] int HeldOutExamples,
    [property: Id(4)] double ModelAuc,
    [property: Id(5)] double PriorAuc,
    [property: Id(6)] bool Shipped);

/// <summary>One training run.</summary>
/// <param name="At">When it ran (UTC).</param>
/// <param name="Feedback">Feedback entries read.</param>
/// <param name="Outcome">What came of it.</param>
/// <param name="Version">The model version it stored, null when it trained none.</param>
[GenerateSerializer, Immutable, Alias("floyo.TrainingRun")]
public sealed record TrainingRun(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] int Feedback,
    [property: Id(2)] TrainingOutcome Outcome,
    [property: Id(3)] int? Version);

[GenerateSerializer, Alias("floyo.TrainingOutcome")]
public enum TrainingOutcome
{
    /// <summary>Too little feedback (or held-out users without both accepts and dismisses): no model trained.</summary>
    Scarce = 0,

    /// <summary>A model was trained and stored but did not beat the rule prior: not shipped.</summary>
    NotBetter = 1,

    /// <summary>A model was trained, beat the rule prior and now ranks.</summary>
    Shipped = 2,
}

/// <summary>Acceptance of one recommendation type.</summary>
/// <param name="Type">The catalogue id.</param>
/// <param name="Accepted">Accepts.</param>
/// <param name="Dismissed">Dismisses.</param>
/// <param name="Rate">Accepted ÷ (accepted + dismissed); null without feedback.</param>
[GenerateSerializer, Immutable, Alias("floyo.TypeAcceptance")]
public sealed record TypeAcceptance(
    [property: Id(0)] string Type,
    [property: Id(1)] int Accepted,
    [property: Id(2)] int Dismissed,
    [property: Id(3)] double? Rate);
