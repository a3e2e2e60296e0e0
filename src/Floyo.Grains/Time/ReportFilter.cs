using Floyo.Activity;
using Floyo.Reports;

namespace Floyo.Time;

/// <summary>
/// Which events' gaps a report counts: those whose project, branch and language names (as <see cref="EventNames"/> gives them,
/// so "Unknown" selects events without one) equal the filter's, ordinally; a null filter value selects everything.
/// </summary>
public sealed record ReportFilter(string? Project = null, string? Branch = null, string? Language = null)
{
    public static ReportFilter None { get; } = new();

    public bool Matches(ActivityEvent e) =>
        (Project is null || Project == EventNames.Single(e, ReportDimension.Projects))
        && (Branch is null || Branch == EventNames.Single(e, ReportDimension.Branches))
        && (Language is null || Language == EventNames.Single(e, ReportDimension.Languages));
}
