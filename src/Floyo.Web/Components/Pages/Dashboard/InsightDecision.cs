using Floyo.Insights;

namespace Floyo.Web.Components.Pages.Dashboard;

/// <summary>What the user chose for an insight: an action and, for a snooze, for how long.</summary>
public sealed record InsightDecision(InsightAction Action, TimeSpan? SnoozeFor = null)
{
    /// <summary>The snooze lengths offered, shortest first.</summary>
    public static IReadOnlyList<(string Label, string Key, TimeSpan Length)> SnoozeChoices { get; } =
    [
        ("a day", "day", TimeSpan.FromDays(1)),
        ("a week", "week", TimeSpan.FromDays(7)),
        ("a month", "month", TimeSpan.FromDays(30)),
    ];
}
