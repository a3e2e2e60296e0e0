using System.Diagnostics;

namespace Floyo.Agent.Sending;

/// <summary>
/// Crash points for the agent's own tests. With <c>FLOYO_AGENT_FAULT=kill-after-send</c> the process kills itself
/// (SIGKILL on Unix) after the server has answered for a batch and before the queue records it: the worst moment.
/// </summary>
public static class FaultInjection
{
    public const string Variable = "FLOYO_AGENT_FAULT";

    public static void AfterBatchAnswered()
    {
        if (Environment.GetEnvironmentVariable(Variable) == "kill-after-send")
        {
            using var self = Process.GetCurrentProcess();
            self.Kill();
        }
    }
}
