using System.Collections.Concurrent;
using System.Collections.Immutable;
using Floyo.Activity;
using Floyo.Insights;
using Floyo.Live;
using Floyo.Patterns;
using Floyo.Web.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace Floyo.Web.Services;

/// <summary>
/// This web process's single observer of pattern and insights grains. It subscribes to a user's grains while anyone
/// here listens for that user (SignalR connections in the user's group, Blazor circuits), renews those subscriptions every
/// <see cref="RenewPeriod"/> (they expire, and are lost when a grain moves), and fans each update out.
/// </summary>
public sealed partial class LiveUpdatesRelay(
    IGrainFactory grains,
    IHubContext<LiveHub, ILiveClient> hub,
    ILogger<LiveUpdatesRelay> logger) : IActivityObserver, IHostedService, IDisposable
{
    public static readonly TimeSpan RenewPeriod = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, Interest> interests = new();
    private readonly CancellationTokenSource stopping = new();
    private IActivityObserver? reference;
    private Task renewLoop = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        reference = grains.CreateObjectReference<IActivityObserver>(this);
        renewLoop = RenewLoopAsync(stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await renewLoop;
        if (reference is null)
        {
            return;
        }

        await Task.WhenAll(interests.Keys.Select(UnsubscribeAsync));
        try
        {
            grains.DeleteObjectReference<IActivityObserver>(reference);
        }
        catch (ArgumentException ex)
        {
            // A co-hosted silo may already have released the reference while shutting down; nothing is left to free.
            LogReleaseSkipped(ex);
        }
    }

    public void Dispose() => stopping.Dispose();

    /// <summary>Calls <paramref name="onUpdate"/> for each update of the user until the result is disposed.</summary>
    public async Task<IAsyncDisposable> ListenAsync(Guid userId, Func<ActivityUpdate, Task> onUpdate)
    {
        interests.AddOrUpdate(userId, _ => Interest.None with { Callbacks = [onUpdate] }, (_, i) => i with { Callbacks = i.Callbacks.Add(onUpdate) });
        await SubscribeAsync(userId);
        return new Listener(this, userId, i => i with { Callbacks = i.Callbacks.Remove(onUpdate) });
    }

    /// <summary>Calls <paramref name="onInsights"/> whenever the user's insights change, until the result is disposed.</summary>
    public async Task<IAsyncDisposable> ListenInsightsAsync(Guid userId, Func<InsightsSnapshot, Task> onInsights)
    {
        interests.AddOrUpdate(
            userId,
            _ => Interest.None with { InsightCallbacks = [onInsights] },
            (_, i) => i with { InsightCallbacks = i.InsightCallbacks.Add(onInsights) });
        await SubscribeAsync(userId);
        return new Listener(this, userId, i => i with { InsightCallbacks = i.InsightCallbacks.Remove(onInsights) });
    }

    /// <summary>A SignalR connection joined the user's group.</summary>
    public Task HubConnectedAsync(Guid userId)
    {
        interests.AddOrUpdate(userId, _ => Interest.None with { HubConnections = 1 }, (_, i) => i with { HubConnections = i.HubConnections + 1 });
        return SubscribeAsync(userId);
    }

    /// <summary>A SignalR connection of the user closed.</summary>
    public Task HubDisconnectedAsync(Guid userId) => ForgetAsync(userId, i => i with { HubConnections = i.HubConnections - 1 });

    public Task OnActivityChangedAsync(ActivityUpdate update)
    {
        if (!interests.TryGetValue(update.UserId, out var interest))
        {
            return Task.CompletedTask;
        }

        if (interest.HubConnections > 0)
        {
            _ = SendSafelyAsync(() => hub.Clients.Group(LiveHub.GroupOf(update.UserId)).Activity(update));
        }

        foreach (var callback in interest.Callbacks)
        {
            _ = SendSafelyAsync(() => callback(update));
        }

        return Task.CompletedTask;
    }

    public Task OnInsightsChangedAsync(InsightsSnapshot snapshot)
    {
        if (!interests.TryGetValue(snapshot.UserId, out var interest))
        {
            return Task.CompletedTask;
        }

        if (interest.HubConnections > 0)
        {
            _ = SendSafelyAsync(() => hub.Clients.Group(LiveHub.GroupOf(snapshot.UserId)).Insights(snapshot));
        }

        foreach (var callback in interest.InsightCallbacks)
        {
            _ = SendSafelyAsync(() => callback(snapshot));
        }

        return Task.CompletedTask;
    }

    private async Task ForgetAsync(Guid userId, Func<Interest, Interest> change)
    {
        var updated = interests.AddOrUpdate(userId, _ => Interest.None, (_, i) => change(i));
        if (updated.IsEmpty && interests.TryRemove(KeyValuePair.Create(userId, updated)) && reference is not null)
        {
            await UnsubscribeAsync(userId);
        }
    }

    private Task SubscribeAsync(Guid userId) => Task.WhenAll(
        SafelyAsync(() => grains.GetGrain<IPatternDetectorGrain>(userId).SubscribeAsync(reference!), userId),
        SafelyAsync(() => grains.GetGrain<IInsightsGrain>(userId).SubscribeAsync(reference!), userId));

    private Task UnsubscribeAsync(Guid userId) => Task.WhenAll(
        SafelyAsync(() => grains.GetGrain<IPatternDetectorGrain>(userId).UnsubscribeAsync(reference!), userId),
        SafelyAsync(() => grains.GetGrain<IInsightsGrain>(userId).UnsubscribeAsync(reference!), userId));

    private async Task RenewLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(RenewPeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await Task.WhenAll(interests.Keys.Select(SubscribeAsync));
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private async Task SafelyAsync(Func<Task> call, Guid userId)
    {
        try
        {
            await call();
        }
        catch (Exception ex)
        {
            LogSubscriptionFailed(ex, userId);
        }
    }

    private async Task SendSafelyAsync(Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(ex);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Subscribing to live updates of user {UserId} failed; retrying on the next renewal")]
    private partial void LogSubscriptionFailed(Exception ex, Guid userId);

    [LoggerMessage(LogLevel.Debug, "The observer reference was already released at shutdown")]
    private partial void LogReleaseSkipped(Exception ex);

    [LoggerMessage(LogLevel.Warning, "Delivering a live update failed")]
    private partial void LogDeliveryFailed(Exception ex);

    private sealed record Interest(
        int HubConnections,
        ImmutableList<Func<ActivityUpdate, Task>> Callbacks,
        ImmutableList<Func<InsightsSnapshot, Task>> InsightCallbacks)
    {
        public static Interest None { get; } = new(0, [], []);

        public bool IsEmpty => HubConnections <= 0 && Callbacks.IsEmpty && InsightCallbacks.IsEmpty;
    }

    private sealed class Listener(LiveUpdatesRelay relay, Guid userId, Func<Interest, Interest> forget) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await relay.ForgetAsync(userId, forget);
    }
}
