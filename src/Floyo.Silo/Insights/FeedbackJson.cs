using System.Text.Json.Serialization;

namespace Floyo.Silo.Insights;

/// <summary>Source-generated JSON for the feedback log's feature column.</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, double>))]
internal sealed partial class FeedbackJson : JsonSerializerContext;
