namespace Floyo.Activity;

/// <summary>
/// The user has not consented to collection, or has paused tracking: nothing was stored. Clients keep the events
/// queued and retry later (the API answers 403 with the reason).
/// </summary>
[GenerateSerializer, Alias("floyo.CollectionRefusedException")]
public sealed class CollectionRefusedException : Exception
{
    public CollectionRefusedException()
    {
    }

    public CollectionRefusedException(string message)
        : base(message)
    {
    }

    public CollectionRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>"consent_required" or "tracking_paused".</summary>
    [Id(0)] public string Reason { get; init; } = "";

    public static CollectionRefusedException NoConsent() =>
        new("Floyo collects nothing before you consent. Review what is collected and consent in the privacy center.") { Reason = "consent_required" };

    public static CollectionRefusedException Paused() =>
        new("Tracking is paused. Resume it in the privacy center to send events again.") { Reason = "tracking_paused" };
}
