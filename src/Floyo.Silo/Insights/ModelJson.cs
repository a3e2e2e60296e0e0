using System.Text.Json.Serialization;
using Floyo.Insights.Learning;

namespace Floyo.Silo.Insights;

/// <summary>Source-generated JSON for the model store's metrics column.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ModelMetrics))]
internal sealed partial class ModelJson : JsonSerializerContext;
