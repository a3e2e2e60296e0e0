using System.CommandLine;
using Floyo.Agent.Configuration;

namespace Floyo.Agent.Cli;

/// <summary>The command line: login, watch, pause, resume, status, flush; <c>--config</c> on every command.</summary>
public sealed class AgentCli(TextWriter output, TextWriter error, TextReader input)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public TextReader Input { get; } = input;

    public Option<string?> ConfigOption { get; } = new("--config")
    {
        Description = $"The config file (default: ${AgentPaths.ConfigVariable}, else $XDG_CONFIG_HOME/floyo/agent.json or ~/.config/floyo/agent.json).",
        Recursive = true,
    };

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("floyo-agent: reports file activity in your project folders to a Floyo server.");
        root.Options.Add(ConfigOption);
        root.Subcommands.Add(LoginCommand.Create(this));
        root.Subcommands.Add(WatchCommand.Create(this));
        root.Subcommands.Add(PauseCommand.Create(this, paused: true));
        root.Subcommands.Add(PauseCommand.Create(this, paused: false));
        root.Subcommands.Add(StatusCommand.Create(this));
        root.Subcommands.Add(FlushCommand.Create(this));
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = Output, Error = Error }, cancellationToken);
    }

    public AgentPaths Paths(ParseResult result) => AgentPaths.Resolve(result.GetValue(ConfigOption));

    public ConfigStore Store(ParseResult result) => new(Paths(result));
}
