using Floyo.Activity;
using Floyo.Insights;
using Floyo.Patterns;
using Floyo.Reports;

namespace Floyo.Web.Services;

/// <summary>Everything the dashboard renders, loaded in one go for one user and filter.</summary>
/// <param name="Today">Today's date in the user's time zone.</param>
/// <param name="Stats">Time accounting for the filter's range.</param>
/// <param name="Projects">Every project in the range (unfiltered), for the project filter and search.</param>
/// <param name="Languages">Every language in the range (unfiltered), for the language filter.</param>
/// <param name="Timeline">Today's stretches of activity by project.</param>
/// <param name="Insights">Insights and recommendations with the user's feedback.</param>
/// <param name="Patterns">Co-edited files, workflows, focus and the rest of the pattern report.</param>
/// <param name="Activity">Today's live counts (UTC day) and recent files.</param>
public sealed record DashboardView(
    DateOnly Today,
    ActivityStats Stats,
    IReadOnlyList<string> Projects,
    IReadOnlyList<string> Languages,
    IReadOnlyList<DurationSpan> Timeline,
    InsightsSnapshot Insights,
    PatternReport Patterns,
    ActivitySnapshot Activity)
{
    /// <summary>True when the user has never sent anything: the dashboard shows how to start.</summary>
    public bool IsNewUser => Activity.TotalEvents == 0 && Stats.Account.CurrentStreakDays == 0 && Stats.TotalSeconds == 0 && Stats.Account.ThisWeekSeconds == 0;
}
