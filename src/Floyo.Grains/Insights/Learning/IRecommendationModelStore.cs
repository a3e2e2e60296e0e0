namespace Floyo.Insights.Learning;

/// <summary>Versioned ranking models: Postgres (<c>floyo_recommendation_models</c>) or memory in the embedded default.</summary>
public interface IRecommendationModelStore
{
    /// <summary>Stores a new version; a version that exists already is refused (<see cref="InvalidOperationException"/>).</summary>
    Task SaveAsync(StoredModel model, CancellationToken cancellationToken = default);

    /// <summary>The highest stored version of <paramref name="name"/>, 0 when there is none.</summary>
    Task<int> LatestVersionAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The newest shipped version of <paramref name="name"/> with its bytes, or null.</summary>
    Task<StoredModel?> LatestShippedAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The <paramref name="limit"/> newest versions of <paramref name="name"/>, newest first, without bytes.</summary>
    Task<IReadOnlyList<StoredModel>> ListAsync(string name, int limit, CancellationToken cancellationToken = default);
}

/// <summary>One stored model version.</summary>
/// <param name="Name">The model's name (<see cref="RecommendationModelGrain.ModelName"/>).</param>
/// <param name="Version">1, 2, …</param>
/// <param name="CreatedAt">When it was trained.</param>
/// <param name="TrainingExamples">Examples trained on.</param>
/// <param name="Metrics">Held-out evaluation (stored as JSON).</param>
/// <param name="Bytes">The serialized model (empty in listings).</param>
/// <param name="Shipped">Whether it beat the rule prior.</param>
public sealed record StoredModel(
    string Name,
    int Version,
    DateTimeOffset CreatedAt,
    int TrainingExamples,
    ModelMetrics Metrics,
    byte[] Bytes,
    bool Shipped)
{
    public ModelVersionInfo Info => new(Version, CreatedAt, TrainingExamples, Metrics.HeldOutExamples, Metrics.ModelAuc, Metrics.PriorAuc, Shipped);
}

/// <summary>A model's held-out evaluation and how it was trained.</summary>
public sealed record ModelMetrics(
    int HeldOutExamples,
    double ModelAuc,
    double PriorAuc,
    string Trainer,
    IReadOnlyList<TypeAcceptance> AcceptanceRates);
