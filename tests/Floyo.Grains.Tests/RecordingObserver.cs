using System.Threading.Channels;
using Floyo.Activity;
using Floyo.Live;

namespace Floyo.Grains.Tests;

/// <summary>An observer that queues every update, so tests await the next one instead of sleeping.</summary>
public sealed class RecordingObserver : IActivityObserver
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly Channel<ActivityUpdate> updates = Channel.CreateUnbounded<ActivityUpdate>();

    public Task OnActivityChangedAsync(ActivityUpdate update)
    {
        updates.Writer.TryWrite(update);
        return Task.CompletedTask;
    }

    /// <summary>Waits for updates until one reaches <paramref name="sequence"/>; returns it.</summary>
    public async Task<ActivityUpdate> WaitForSequenceAsync(long sequence)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var update = await updates.Reader.ReadAsync(timeout.Token);
            if (update.LastSequence >= sequence)
            {
                return update;
            }
        }
    }
}
