using System.Text.Json;
using System.Text.Json.Serialization;

namespace Floyo.Agent;

/// <summary>The agent's JSON settings: camelCase names, enums as camelCase strings, nulls left out.</summary>
public static class AgentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };
}
