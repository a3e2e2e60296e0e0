namespace Floyo.LoadGen;

/// <summary>M dashboards spread round-robin over the users' keys (listener i listens as user i mod N).</summary>
public sealed class ListenerFleet : IAsyncDisposable
{
    private const int ConnectParallelism = 16;

    private ListenerFleet(IReadOnlyList<LiveListener> listeners) => Listeners = listeners;

    public IReadOnlyList<LiveListener> Listeners { get; }

    public int Disconnects => Listeners.Sum(l => l.Disconnects);

    public static async Task<ListenerFleet> ConnectAsync(Uri baseUrl, IReadOnlyList<string> keys, int count, CancellationToken cancellationToken)
    {
        var listeners = new LiveListener?[count];
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, count),
                new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism, CancellationToken = cancellationToken },
                async (i, ct) => listeners[i] = await LiveListener.ConnectAsync(baseUrl, keys[i % keys.Count], i % keys.Count, ct));
        }
        catch
        {
            await DisposeAllAsync(listeners);
            throw;
        }

        return new ListenerFleet([.. listeners.Select(l => l!)]);
    }

    /// <summary>Waits until every listener has seen each user's last acknowledged sequence, or the timeout passes.</summary>
    public async Task DrainAsync(IReadOnlyList<long> lastSequenceByUser, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && Listeners.Any(l => l.HighestSequence < lastSequenceByUser[l.UserIndex]))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => DisposeAllAsync([.. Listeners]);

    private static async ValueTask DisposeAllAsync(IEnumerable<LiveListener?> listeners)
    {
        await Task.WhenAll(listeners.Where(l => l is not null).Select(l => l!.DisposeAsync().AsTask()));
    }
}
