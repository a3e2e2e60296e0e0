using System.Threading.Channels;
using Floyo.Activity;
using Floyo.Insights;
using Floyo.Live;

namespace Floyo.Grains.Tests;

/// <summary>An observer that queues every update and insight snapshot, so tests await the next one instead of sleeping.</summary>
public sealed class RecordingObserver : IActivityObserver
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly Channel<ActivityUpdate> updates = Channel.CreateUnbounded<ActivityUpdate>();
    private readonly Channel<InsightsSnapshot> insights = Channel.CreateUnbounded<InsightsSnapshot>();

    public Task OnActivityChangedAsync(ActivityUpdate update)
    {
        updates.Writer.TryWrite(update);
        return Task.CompletedTask;
    }

    public Task OnInsightsChangedAsync(InsightsSnapshot snapshot)
    {
        insights.Writer.TryWrite(snapshot);
        return Task.CompletedTask;
    }

    /// <summary>Waits for insight snapshots until one satisfies <paramref name="condition"/>; returns it.</summary>
    public async Task<InsightsSnapshot> WaitForInsightsAsync(Func<InsightsSnapshot, bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var snapshot = await insights.Reader.ReadAsync(timeout.Token);
            if (condition(snapshot))
            {
                return snapshot;
            }
        }
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
