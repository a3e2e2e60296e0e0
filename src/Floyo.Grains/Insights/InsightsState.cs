namespace Floyo.Insights;

/// <summary>What an <see cref="InsightsGrain"/> persists: the user's feedback per insight id (generated insights are
/// recomputed from the pattern report, so they are not stored).</summary>
[GenerateSerializer, Alias("floyo.InsightsState")]
public sealed class InsightsState
{
    [Id(0)] public Dictionary<string, InsightFeedback> Feedback { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The user's latest action on one insight.</summary>
[GenerateSerializer, Alias("floyo.InsightFeedback")]
public sealed class InsightFeedback
{
    [Id(0)] public InsightStatus Status { get; set; }

    [Id(1)] public DateTimeOffset At { get; set; }

    [Id(2)] public DateTimeOffset? SnoozedUntil { get; set; }
}
