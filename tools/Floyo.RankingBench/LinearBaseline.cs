using Floyo.Insights;
using Floyo.Insights.Learning;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Floyo.RankingBench;

/// <summary>
/// The alternative the shipped tree model was chosen over: SDCA logistic regression on the type one-hot, the features
/// and explicit type × feature crosses (8 × 14), min-max normalised.
/// </summary>
internal static class LinearBaseline
{
    private static int Length => RankingFeatures.Length + (RecommendationCatalog.All.Count * UserFeatures.Names.Count);

    public static Func<string, IReadOnlyDictionary<string, double>, double> Train(IReadOnlyList<RankingExample> examples)
    {
        var ml = new MLContext(seed: 1);
        var schema = Schema();
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new Row { Features = Vector(e.CatalogId, e.Features), Label = e.Accepted }), schema);
        var pipeline = ml.Transforms.NormalizeMinMax(nameof(Row.Features))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(nameof(Row.Label), nameof(Row.Features)));
        var model = pipeline.Fit(data);
        var engine = ml.Model.CreatePredictionEngine<Row, Output>(model, inputSchemaDefinition: schema);
        return (type, features) => engine.Predict(new Row { Features = Vector(type, features) }).Probability;
    }

    private static float[] Vector(string type, IReadOnlyDictionary<string, double> features)
    {
        var basic = RankingFeatures.Vector(type, features);
        var vector = new float[Length];
        basic.CopyTo(vector, 0);
        var types = RecommendationCatalog.All.Count;
        var names = UserFeatures.Names.Count;
        for (var t = 0; t < types; t++)
        {
            for (var f = 0; f < names; f++)
            {
                vector[basic.Length + (t * names) + f] = basic[t] * basic[types + f];
            }
        }

        return vector;
    }

    private static SchemaDefinition Schema()
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Length);
        return schema;
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    private sealed class Output
    {
        public float Probability { get; set; }
    }
}
