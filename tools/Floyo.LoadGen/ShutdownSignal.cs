using System.Runtime.InteropServices;

namespace Floyo.LoadGen;

/// <summary>
/// Ctrl+C / SIGTERM / SIGQUIT: the first cancels <see cref="Token"/> so the run unwinds and disposes everything it
/// started; a second one runs <see cref="EmergencyCleanup"/> and exits at once.
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource cancellation = new();
    private readonly PosixSignalRegistration[] registrations;
    private int signals;

    public ShutdownSignal()
    {
        registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT }.Select(s => PosixSignalRegistration.Create(s, OnSignal))];
    }

    public CancellationToken Token => cancellation.Token;

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (Interlocked.Increment(ref signals) == 1)
        {
            Console.Error.WriteLine("Stopping: cleaning up (press Ctrl+C again to force).");
            cancellation.Cancel();
            return;
        }

        EmergencyCleanup.RunAll();
        Environment.Exit(130);
    }
}
