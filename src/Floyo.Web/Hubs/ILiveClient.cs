using Floyo.Activity;

namespace Floyo.Web.Hubs;

/// <summary>Messages the server sends to clients of <c>/hubs/live</c> (documented in docs/API.md).</summary>
public interface ILiveClient
{
    /// <summary>Message <c>Activity</c>: the caller's aggregates changed.</summary>
    Task Activity(ActivityUpdate update);

    /// <summary>Message <c>Insights</c>: the caller's insights changed; the whole current set, highest score first.</summary>
    Task Insights(Insights.InsightsSnapshot snapshot);
}
