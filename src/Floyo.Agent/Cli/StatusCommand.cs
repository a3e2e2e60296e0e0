using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Floyo.Agent.Queue;

namespace Floyo.Agent.Cli;

/// <summary><c>status [--json]</c>: queue length, last sync, last error, counters, paused, whether a watcher runs.</summary>
public static class StatusCommand
{
    public static Command Create(AgentCli cli)
    {
        var json = new Option<bool>("--json") { Description = "Print the status as JSON." };
        var command = new Command("status", "Show the queue length, the last sync and the last error.") { json };
        command.SetAction(result =>
        {
            var store = cli.Store(result);
            var config = store.Load();
            var status = StatusStore.Read(store.Paths.StatusFile);
            var report = new StatusReport(
                config.ServerUrl,
                config.Privacy.ToString().ToLowerInvariant(),
                config.Paused,
                EventQueue.IsInUse(store.Paths.QueueDirectory),
                SegmentFiles.CountQueued(store.Paths.QueueDirectory),
                status);
            if (result.GetValue(json))
            {
                cli.Output.WriteLine(JsonSerializer.Serialize(report, AgentJson.Indented.StatusReport));
                return 0;
            }

            cli.Output.WriteLine($"server:      {report.Server ?? "(not logged in)"}");
            cli.Output.WriteLine($"privacy:     {report.Privacy}");
            cli.Output.WriteLine($"tracking:    {(report.Paused ? "paused" : "active")}; watcher {(report.WatcherRunning ? "running" : "not running")}");
            cli.Output.WriteLine($"queued:      {report.Queued} events");
            cli.Output.WriteLine($"last sync:   {Time(status.LastSyncAt) ?? "never"}");
            cli.Output.WriteLine($"last error:  {(status.LastError is null ? "none" : $"{status.LastError} ({Time(status.LastErrorAt)})")}");
            cli.Output.WriteLine($"totals:      {status.Accepted} accepted, {status.Duplicates} duplicates, {status.Rejected} rejected, "
                + $"{status.Dropped} dropped (queue full), {status.IgnoredWhilePaused} ignored while paused");
            return 0;
        });
        return command;
    }

    private static string? Time(DateTimeOffset? at) => at?.ToString("u", CultureInfo.InvariantCulture);
}

/// <summary>What <c>status --json</c> prints.</summary>
public sealed record StatusReport(string? Server, string Privacy, bool Paused, bool WatcherRunning, int Queued, AgentStatus Status);
