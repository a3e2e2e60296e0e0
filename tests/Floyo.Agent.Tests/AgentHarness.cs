using System.Text.Json;
using Floyo.Agent.Cli;
using Floyo.Agent.Configuration;
using Floyo.Agent.Events;
using Floyo.Agent.Queue;
using Floyo.Agent.Runtime;

namespace Floyo.Agent.Tests;

/// <summary>Config, CLI and watch sessions of one agent install living in a <see cref="TempTree"/>.</summary>
public sealed class AgentHarness(TempTree tree)
{
    /// <summary>Short timings so tests settle fast.</summary>
    public static readonly AgentTuning FastTuning = new()
    {
        QuietMilliseconds = 100,
        MaxWindowMilliseconds = 2_000,
        SendDelayMilliseconds = 50,
        RetryAttempts = 1,
        RetryBaseDelayMilliseconds = 50,
        MaxRetryDelayMilliseconds = 1_000,
        ControlPollMilliseconds = 50,
        AttemptTimeoutMilliseconds = 10_000,
    };

    public AgentPaths Paths { get; } = new(tree.ConfigFile);

    public ConfigStore Store => new(Paths);

    /// <summary>Writes the config: the server (null: not logged in), privacy and tuning.</summary>
    public AgentConfig Configure(Uri? server, string? apiKey, PrivacyMode privacy = PrivacyMode.Relative, AgentTuning? tuning = null,
        IReadOnlyList<string>? exclude = null) =>
        Store.Update(c => c with
        {
            ServerUrl = server?.AbsoluteUri,
            ApiKey = apiKey,
            Privacy = privacy,
            Tuning = tuning ?? FastTuning,
            Exclude = exclude ?? [],
        });

    public WatchSession Watch() =>
        WatchSession.Start(Paths, [tree.Project], TestContext.Current.TestOutputHelper is { } output ? new AgentLog(new TestOutputWriter(output)) : AgentLog.None);

    /// <summary>Runs a floyo-agent command in-process with this install's <c>--config</c>; returns the exit code and output.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new AgentCli(output, error, TextReader.Null).RunAsync([.. args, "--config", Paths.ConfigFile], TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The events on disk in the queue, oldest first.</summary>
    public List<WireEvent> Queued() =>
        [.. SegmentFiles.List(Paths.QueueDirectory).SelectMany(s => SegmentFiles.ReadLines(s.Path)).Select(l => JsonSerializer.Deserialize(l, AgentJson.Default.WireEvent)!)];

    public AgentStatus Status() => StatusStore.Read(Paths.StatusFile);
}
