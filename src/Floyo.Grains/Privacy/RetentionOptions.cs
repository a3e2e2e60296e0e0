namespace Floyo.Privacy;

/// <summary>How often retention runs for a user, bound from <c>Floyo:Retention</c>.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Floyo:Retention";

    /// <summary>The reminder's period: a day by default (the purge itself is cheap when there is nothing to remove).</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromDays(1);
}
