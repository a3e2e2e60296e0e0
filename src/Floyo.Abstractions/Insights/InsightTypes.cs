namespace Floyo.Insights;

/// <summary>The observation types (recommendations use their catalogue id as type, see the recommendation catalogue).</summary>
public static class InsightTypes
{
    /// <summary>Files that keep changing together.</summary>
    public const string CoEdit = "co-edit";

    /// <summary>A repeating workflow.</summary>
    public const string Workflow = "workflow";

    /// <summary>A day unlike the user's usual days.</summary>
    public const string UnusualDay = "unusual-day";

    /// <summary>Focus time this week versus last.</summary>
    public const string FocusTrend = "focus-trend";

    /// <summary>Context switching this week versus last.</summary>
    public const string SwitchingTrend = "switching-trend";
}
