using Floyo.Activity;
using Floyo.Insights;
using Floyo.Web.Auth;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Floyo.Web.Hubs;

/// <summary>
/// <c>/hubs/live</c>: live updates for the signed-in user (session cookie, or API key as <c>access_token</c>). Each
/// connection joins only its own user's group; no method takes a user id, so no one can listen to another user.
/// </summary>
[Authorize]
public sealed class LiveHub(LiveUpdatesRelay relay, ActivityService activity, InsightService insights) : Hub<ILiveClient>
{
    public const string Path = "/hubs/live";

    public static string GroupOf(Guid userId) => $"user:{userId:D}";

    /// <summary>Hub method <c>GetSnapshot</c>: the caller's current aggregates (call it on every (re)connect).</summary>
    public Task<ActivitySnapshot> GetSnapshot() => activity.GetSnapshotAsync(Context.User!.GetUserId());

    /// <summary>Hub method <c>GetInsights</c>: the caller's current insights (call it on every (re)connect).</summary>
    public Task<InsightsSnapshot> GetInsights() => insights.GetInsightsAsync(Context.User!.GetUserId());

    public override async Task OnConnectedAsync()
    {
        var userId = Context.User!.GetUserId();
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(userId));
        await relay.HubConnectedAsync(userId);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await relay.HubDisconnectedAsync(Context.User!.GetUserId());
        await base.OnDisconnectedAsync(exception);
    }
}
