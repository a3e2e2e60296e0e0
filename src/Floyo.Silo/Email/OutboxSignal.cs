namespace Floyo.Silo.Email;

/// <summary>Wakes the sender when mail is queued in this process, so delivery does not wait for the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim pulses = new(0, 1);

    public void Pulse()
    {
        try
        {
            pulses.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one pending pulse is enough.
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => pulses.WaitAsync(timeout, cancellationToken);

    public void Dispose() => pulses.Dispose();
}
