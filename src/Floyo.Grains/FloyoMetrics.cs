using System.Diagnostics.Metrics;

namespace Floyo;

/// <summary>Floyo's own metrics, on meter <see cref="MeterName"/>.</summary>
public static class FloyoMetrics
{
    public const string MeterName = "Floyo";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Events by ingest outcome (tag <c>outcome</c>: accepted, duplicate, rejected).</summary>
    public static readonly Counter<long> EventsIngested = Meter.CreateCounter<long>("floyo.events.ingested", "{event}", "Events received by outcome");

    /// <summary>Events a pattern grain read back from the log because their stream notification was missed.</summary>
    public static readonly Counter<long> EventsBackfilled = Meter.CreateCounter<long>("floyo.events.backfilled", "{event}", "Events back-filled from the event log");

    /// <summary>Accepts and dismisses of recommendations (tags <c>type</c>: catalogue id, <c>action</c>: accept, dismiss);
    /// their ratio per type is the acceptance rate.</summary>
    public static readonly Counter<long> RecommendationFeedback = Meter.CreateCounter<long>("floyo.recommendations.feedback", "{action}", "Recommendation accepts and dismisses");

    /// <summary>Seconds from sign-up to an activation milestone (tag <c>milestone</c>: onboarding_complete, first_event,
    /// first_insight): the activation funnel.</summary>
    public static readonly Histogram<double> ActivationSeconds = Meter.CreateHistogram<double>("floyo.activation.seconds", "s", "Time from sign-up to an activation milestone");
}
