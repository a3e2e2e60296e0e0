namespace Floyo.Agent.Configuration;

/// <summary>
/// Where the agent keeps its files: the config file (from <c>--config</c>, else <c>FLOYO_AGENT_CONFIG</c>, else
/// <c>$XDG_CONFIG_HOME/floyo/agent.json</c> or <c>~/.config/floyo/agent.json</c>; the roaming application data folder
/// on Windows) and, beside it, the state folder <c>agent-state/</c> with the queue, the status and the lock.
/// </summary>
public sealed record AgentPaths(string ConfigFile)
{
    public const string ConfigVariable = "FLOYO_AGENT_CONFIG";

    public string StateDirectory => Path.Combine(Path.GetDirectoryName(ConfigFile)!, "agent-state");

    public string QueueDirectory => Path.Combine(StateDirectory, "queue");

    public string StatusFile => Path.Combine(StateDirectory, "status.json");

    /// <summary>Touched by <c>flush</c> to ask a running watcher to send now.</summary>
    public string FlushRequestFile => Path.Combine(StateDirectory, "flush.request");

    public static AgentPaths Resolve(string? explicitConfig)
    {
        if (!string.IsNullOrWhiteSpace(explicitConfig))
        {
            return new(Path.GetFullPath(explicitConfig));
        }

        if (Environment.GetEnvironmentVariable(ConfigVariable) is { Length: > 0 } fromEnvironment)
        {
            return new(Path.GetFullPath(fromEnvironment));
        }

        // On Unix this is $XDG_CONFIG_HOME, or ~/.config when it is not set.
        var configHome = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return new(Path.Combine(configHome, "floyo", "agent.json"));
    }
}
