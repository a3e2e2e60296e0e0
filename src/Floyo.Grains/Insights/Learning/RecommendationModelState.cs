namespace Floyo.Insights.Learning;

/// <summary>What the model grain persists besides the models themselves: the last training run and the acceptance
/// rates it saw.</summary>
[GenerateSerializer, Alias("floyo.RecommendationModelState")]
public sealed class RecommendationModelState
{
    [Id(0)] public TrainingRun? LastRun { get; set; }

    [Id(1)] public List<TypeAcceptance> AcceptanceRates { get; set; } = [];
}
