namespace Floyo.Patterns;

/// <summary>Builds <see cref="PatternReport"/>s.</summary>
internal static class PatternReports
{
    /// <summary>A report with no patterns (a user with no events, or before the detectors have seen any).</summary>
    public static PatternReport Empty(Guid userId, long checkpoint, long eventsApplied) => new(
        userId, checkpoint, eventsApplied, null, [], [],
        new FocusSummary([], 0, 0, 0, []),
        new ContextSwitchSummary(0, 0, 0, []),
        [], [], [],
        new ToolUsage([], [], []),
        []);
}
