using System.CommandLine;

namespace Floyo.Agent.Cli;

/// <summary><c>pause</c> / <c>resume</c>: sets the flag a running watcher honours within a second.</summary>
public static class PauseCommand
{
    public static Command Create(AgentCli cli, bool paused)
    {
        var command = paused
            ? new Command("pause", "Stop tracking: changes are neither queued nor sent until 'resume'.")
            : new Command("resume", "Start tracking again (and send what is queued).");
        command.SetAction(result =>
        {
            cli.Store(result).Update(c => c with { Paused = paused });
            cli.Output.WriteLine(paused ? "Paused: nothing is queued or sent until 'floyo-agent resume'." : "Resumed.");
            return 0;
        });
        return command;
    }
}
