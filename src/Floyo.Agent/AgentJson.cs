using System.Text.Json;
using System.Text.Json.Serialization;
using Floyo.Agent.Cli;
using Floyo.Agent.Configuration;
using Floyo.Agent.Events;
using Floyo.Agent.Queue;

namespace Floyo.Agent;

/// <summary>
/// The agent's JSON: camelCase names, enums as camelCase strings, nulls left out. Source-generated, so nothing is
/// built by reflection at run time (less code to JIT and keep in memory; safe to trim).
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CamelCaseEnumConverter<PrivacyMode>)])]
[JsonSerializable(typeof(AgentConfig))]
[JsonSerializable(typeof(AgentStatus))]
[JsonSerializable(typeof(WireEvent))]
[JsonSerializable(typeof(StatusReport))]
public sealed partial class AgentJson : JsonSerializerContext
{
    private static AgentJson? indented;

    /// <summary>The same contract, written indented (the files people may read: agent.json, status.json).</summary>
    public static AgentJson Indented => LazyInitializer.EnsureInitialized(ref indented, () => new(new JsonSerializerOptions(Default.Options) { WriteIndented = true }));
}
