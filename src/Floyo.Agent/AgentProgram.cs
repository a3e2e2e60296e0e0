using Floyo.Agent.Cli;

namespace Floyo.Agent;

/// <summary>The floyo-agent executable.</summary>
public static class AgentProgram
{
    public static Task<int> Main(string[] args) => new AgentCli(Console.Out, Console.Error, Console.In).RunAsync(args);
}
