namespace Floyo.Agent.Configuration;

/// <summary>The per-user configuration file (agent.json), written with owner-only permissions.</summary>
public sealed record AgentConfig
{
    /// <summary>The Floyo server, e.g. https://floyo.example.com.</summary>
    public string? ServerUrl { get; init; }

    /// <summary>The API key sent as a bearer token.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The per-install random key (base64) for <see cref="PrivacyMode.Hashed"/>; created on first use.</summary>
    public string? HashKey { get; init; }

    public PrivacyMode Privacy { get; init; } = PrivacyMode.Hashed;

    /// <summary>Folders watched when <c>watch</c> is run without arguments.</summary>
    public IReadOnlyList<string> Roots { get; init; } = [];

    /// <summary>When not empty, only project-relative paths matching one of these globs are reported.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Project-relative paths matching one of these globs are never reported.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Set by <c>pause</c>, cleared by <c>resume</c>: a running watcher neither queues nor sends while set.</summary>
    public bool Paused { get; init; }

    public AgentTuning Tuning { get; init; } = new();
}
