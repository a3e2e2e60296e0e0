namespace Floyo.Privacy;

/// <summary>
/// A user's retention setting, keyed by user id, enforced by an Orleans reminder that purges the user's events older
/// than the period from the event log, and the rollups of every <see cref="IUserDataGrain"/>.
/// </summary>
[Alias("floyo.IRetentionGrain")]
public interface IRetentionGrain : IUserDataGrain
{
    /// <summary>The current choice (<see cref="RetentionPeriod.Keep"/> until changed).</summary>
    [Alias("get")]
    Task<RetentionStatus> GetAsync();

    /// <summary>
    /// Changes the period (audited). A period other than Keep purges at once and schedules the daily reminder; Keep
    /// cancels it. Throws <see cref="ArgumentOutOfRangeException"/> for an undefined value.
    /// </summary>
    [Alias("set")]
    Task<RetentionStatus> SetAsync(RetentionPeriod period);

    /// <summary>Purges what the period no longer covers, now (the reminder calls this).</summary>
    [Alias("apply")]
    Task<RetentionStatus> ApplyAsync();
}
