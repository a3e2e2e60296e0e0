using Floyo.Agent.Configuration;

namespace Floyo.Agent.Runtime;

/// <summary>
/// Lets other floyo-agent processes steer a running watcher through files: it polls agent.json (pause, resume,
/// login) and the flush request file every <see cref="AgentTuning.ControlPollMilliseconds"/>.
/// </summary>
public sealed class ControlMonitor(ConfigStore store, Action<AgentConfig> configChanged, Action flushRequested, AgentLog log)
{
    private (DateTime, long) lastSeen = Stamp(store.Paths.ConfigFile);

    public async Task RunAsync(int periodMilliseconds, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(periodMilliseconds));
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            Check();
        }
    }

    public void Check()
    {
        try
        {
            var stamp = Stamp(store.Paths.ConfigFile);
            if (stamp != lastSeen)
            {
                lastSeen = stamp;
                configChanged(store.Load());
            }

            if (File.Exists(store.Paths.FlushRequestFile))
            {
                File.Delete(store.Paths.FlushRequestFile);
                flushRequested();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            log.Warn($"Could not read the control files: {ex.Message}");
        }
    }

    private static (DateTime, long) Stamp(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? (file.LastWriteTimeUtc, file.Length) : (DateTime.MinValue, -1);
    }
}
