using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Floyo.Insights.Learning;

/// <summary>
/// A trained P(accept) model: an ML.NET FastTree binary classifier (boosted trees, Platt-calibrated) over
/// <see cref="RankingFeatures"/>. Thread-safe: prediction engines (not thread-safe themselves) are pooled.
/// </summary>
public sealed class RankingModel
{
    /// <summary>Tree ensemble size, chosen on the evaluation in docs/BENCHMARKS.md: small trees, strong regularisation by
    /// leaf size, because feedback is noisy yes/no answers.</summary>
    public const int Trees = 100;

    public const int Leaves = 8;

    public const int MinimumExamplesPerLeaf = 20;

    public const double LearningRate = 0.1;

    private readonly MLContext ml;
    private readonly ITransformer transformer;
    private readonly ConcurrentBag<PredictionEngine<ModelInput, ModelOutput>> engines = [];

    private RankingModel(MLContext ml, ITransformer transformer, byte[] bytes)
    {
        this.ml = ml;
        this.transformer = transformer;
        Bytes = bytes;
    }

    /// <summary>The serialized model (what the model store keeps).</summary>
    public byte[] Bytes { get; }

    /// <summary>Trains on <paramref name="examples"/> (deterministic for the same examples in the same order).</summary>
    public static RankingModel Train(IEnumerable<RankingExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(
            examples.Select(e => new ModelInput { Features = RankingFeatures.Vector(e.CatalogId, e.Features), Label = e.Accepted }),
            InputSchema());
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = Trees,
            NumberOfLeaves = Leaves,
            MinimumExampleCountPerLeaf = MinimumExamplesPerLeaf,
            LearningRate = LearningRate,
            NumberOfThreads = 1,
        });
        var transformer = trainer.Fit(data);
        using var stream = new MemoryStream();
        ml.Model.Save(transformer, data.Schema, stream);
        return new RankingModel(ml, transformer, stream.ToArray());
    }

    /// <summary>Loads a model saved by <see cref="Train"/>.</summary>
    public static RankingModel Load(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var ml = new MLContext(seed: 1);
        using var stream = new MemoryStream(bytes, writable: false);
        return new RankingModel(ml, ml.Model.Load(stream, out _), bytes);
    }

    /// <summary>The estimated probability (0..1) that a user with <paramref name="features"/> accepts a recommendation
    /// of type <paramref name="catalogId"/>.</summary>
    public double Score(string catalogId, IReadOnlyDictionary<string, double> features)
    {
        if (!engines.TryTake(out var engine))
        {
            engine = ml.Model.CreatePredictionEngine<ModelInput, ModelOutput>(transformer, inputSchemaDefinition: InputSchema());
        }

        try
        {
            var probability = engine.Predict(new ModelInput { Features = RankingFeatures.Vector(catalogId, features) }).Probability;
            return float.IsNaN(probability) ? 0 : Math.Clamp(probability, 0, 1);
        }
        finally
        {
            engines.Add(engine);
        }
    }

    private static SchemaDefinition InputSchema()
    {
        var schema = SchemaDefinition.Create(typeof(ModelInput));
        schema[nameof(ModelInput.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, RankingFeatures.Length);
        return schema;
    }

    private sealed class ModelInput
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    private sealed class ModelOutput
    {
        public float Probability { get; set; }
    }
}
