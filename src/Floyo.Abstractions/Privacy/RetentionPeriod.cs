namespace Floyo.Privacy;

/// <summary>How long a user's events are kept. The value is the number of days (0: kept until the user deletes them).</summary>
[GenerateSerializer, Alias("floyo.RetentionPeriod")]
public enum RetentionPeriod
{
    /// <summary>Events are kept until the user deletes them (the default).</summary>
    Keep = 0,

    Days30 = 30,

    Days90 = 90,

    Days365 = 365,
}

/// <summary>A user's retention choice and what enforcing it did last.</summary>
/// <param name="Period">The choice.</param>
/// <param name="LastRunAt">When old events were last purged, or null.</param>
/// <param name="LastPurgedEvents">How many events that run removed.</param>
[GenerateSerializer, Immutable, Alias("floyo.RetentionStatus")]
public sealed record RetentionStatus(
    [property: Id(0)] RetentionPeriod Period,
    [property: Id(1)] DateTimeOffset? LastRunAt,
    [property: Id(2)] long LastPurgedEvents)
{
    /// <summary>Events with a timestamp before this are purged at <paramref name="now"/>; null when kept.</summary>
    public DateTimeOffset? CutoffAt(DateTimeOffset now) => Period == RetentionPeriod.Keep ? null : now.AddDays(-(int)Period);
}
