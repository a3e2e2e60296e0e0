using Orleans.Concurrency;

namespace Floyo.Insights;

/// <summary>
/// The global recommendation ranking model (one activation, key 0): retrains from the feedback log of every user on a
/// reminder, keeps versioned models, and ships a model only when it beats the rule prior on held-out users' feedback.
/// Reads interleave with a running retraining, so ranking never waits for training.
/// </summary>
[Alias("floyo.IRecommendationModelGrain")]
public interface IRecommendationModelGrain : IGrainWithIntegerKey
{
    /// <summary>The key of the one model grain.</summary>
    public const long Key = 0;

    /// <summary>
    /// What ranks recommendations now, the last training run, acceptance rates per recommendation type and the
    /// <paramref name="versions"/> most recent stored model versions (newest first). Aggregates only, no user data.
    /// </summary>
    [AlwaysInterleave, Alias("info")]
    Task<RecommendationModelInfo> GetInfoAsync(int versions);

    /// <summary>Trains a new model from the feedback log now (the reminder does this periodically) and returns the info
    /// afterwards (with the 5 most recent versions). Training a large log takes a while: the call may take minutes.</summary>
    [ResponseTimeout("00:10:00"), Alias("retrain")]
    Task<RecommendationModelInfo> RetrainAsync();

    /// <summary>The shipped model's version, 0 while the rule prior ranks (cheap: rankers poll it).</summary>
    [AlwaysInterleave, Alias("shipped-version")]
    Task<int> GetShippedVersionAsync();

    /// <summary>The shipped model (serialized ML.NET model), or null while the rule prior ranks.</summary>
    [AlwaysInterleave, Alias("shipped")]
    Task<ShippedModel?> GetShippedModelAsync();
}

/// <summary>A shipped ranking model: its version and its serialized ML.NET transformer.</summary>
[GenerateSerializer, Immutable, Alias("floyo.ShippedModel")]
public sealed record ShippedModel(
    [property: Id(0)] int Version,
    [property: Id(1)] byte[] Bytes);
