namespace Floyo.Agent;

/// <summary>A wake-up call that coalesces: any number of <see cref="Set"/>s before a wait release one waiter once.</summary>
public sealed class AsyncSignal : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Set()
    {
        try
        {
            semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already set.
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => semaphore.WaitAsync(cancellationToken);

    /// <summary>True when set before <paramref name="timeout"/> elapsed.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => semaphore.Dispose();
}
