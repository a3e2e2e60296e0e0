using System.Text.Json.Serialization;

namespace Floyo.Silo.Rollups;

/// <summary>Source-generated JSON for a rollup's breakdown column (dimension number → name → ticks).</summary>
[JsonSerializable(typeof(Dictionary<int, Dictionary<string, long>>))]
internal sealed partial class RollupJson : JsonSerializerContext;
