using System.Security.Cryptography;
using System.Text.Json;

namespace Floyo.Agent.Configuration;

/// <summary>Reads and writes agent.json (0600, atomic replace).</summary>
public sealed class ConfigStore(AgentPaths paths)
{
    public AgentPaths Paths { get; } = paths;

    /// <summary>The stored configuration, or defaults when there is no file yet.</summary>
    public AgentConfig Load()
    {
        if (!File.Exists(Paths.ConfigFile))
        {
            return new AgentConfig();
        }

        var json = File.ReadAllBytes(Paths.ConfigFile);
        return JsonSerializer.Deserialize(json, AgentJson.Default.AgentConfig) ?? new AgentConfig();
    }

    public void Save(AgentConfig config) =>
        OwnerOnlyFile.WriteAtomically(Paths.ConfigFile, JsonSerializer.SerializeToUtf8Bytes(config, AgentJson.Indented.AgentConfig));

    /// <summary>Loads, applies <paramref name="change"/>, gives the config a hash key if it has none, and saves.</summary>
    public AgentConfig Update(Func<AgentConfig, AgentConfig> change)
    {
        var updated = WithHashKey(change(Load()));
        Save(updated);
        return updated;
    }

    /// <summary>The config with a new random 256-bit hash key when it has none.</summary>
    public static AgentConfig WithHashKey(AgentConfig config) =>
        string.IsNullOrEmpty(config.HashKey) ? config with { HashKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) } : config;
}
