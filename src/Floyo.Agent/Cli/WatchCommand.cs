using System.CommandLine;
using Floyo.Agent.Queue;
using Floyo.Agent.Runtime;

namespace Floyo.Agent.Cli;

/// <summary><c>watch [DIR...]</c>: watches the folders (or the config's roots) until interrupted.</summary>
public static class WatchCommand
{
    public static Command Create(AgentCli cli)
    {
        var directories = new Argument<string[]>("dir") { Description = "Folders to watch (default: the config's roots).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("watch", "Watch folders recursively and report changes (Ctrl+C stops).") { directories };
        command.SetAction(async (result, cancellationToken) =>
        {
            WatchSession session;
            try
            {
                session = WatchSession.Start(cli.Paths(result), [.. (result.GetValue(directories) ?? []).Select(Path.GetFullPath)], new AgentLog(cli.Error));
            }
            catch (Exception ex) when (ex is QueueLockedException or ArgumentException or DirectoryNotFoundException)
            {
                cli.Error.WriteLine(ex.Message);
                return 1;
            }

            await using (session)
            {
                try
                {
                    await Task.WhenAny(session.Completion, Task.Delay(Timeout.Infinite, cancellationToken));
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C or SIGTERM.
                }
            }

            return 0;
        });
        return command;
    }
}
