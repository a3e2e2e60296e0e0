namespace Floyo.Insights.Learning;

/// <summary>Recommendation ranking settings, bound from <c>Floyo:Ranking</c>.</summary>
public sealed class RankingOptions
{
    public const string Section = "Floyo:Ranking";

    /// <summary>How often the model grain retrains (an Orleans reminder; at least 1 minute).</summary>
    public TimeSpan RetrainPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a silo's ranker uses its cached model before asking the model grain for the shipped version
    /// (zero: ask on every ranking).</summary>
    public TimeSpan RefreshPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Feedback entries (accepts + dismisses) needed before a model is trained; below it the rule prior ranks.</summary>
    public int MinimumFeedback { get; set; } = 500;

    /// <summary>Share of users (by a hash of their id, in percent) whose feedback is held out to judge the model.</summary>
    public int HeldOutPercent { get; set; } = 25;

    /// <summary>How much the model's held-out AUC must exceed the rule prior's for the model to ship.</summary>
    public double MinimumAucGain { get; set; } = 0.01;

    /// <summary>The most recent feedback entries a training run reads.</summary>
    public int TrainingWindow { get; set; } = 200_000;
}
