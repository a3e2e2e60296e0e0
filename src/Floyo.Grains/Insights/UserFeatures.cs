using Floyo.Patterns;

namespace Floyo.Insights;

/// <summary>
/// The numbers recommendation rules and the ranking model look at, computed from a pattern report (so deterministic
/// for the same log). All rates cover the 7 UTC days ending with the report's newest event.
/// </summary>
public static class UserFeatures
{
    public const string SwitchesPerHour = "switches-per-hour";
    public const string SwitchingTrend = "switching-trend";
    public const string ActiveHours = "active-hours";
    public const string FocusShare = "focus-share";
    public const string TestShare = "test-share";
    public const string BuildShare = "build-share";
    public const string DebugShare = "debug-share";
    public const string TestCycles = "test-cycles";
    public const string FixUpCycles = "fix-up-cycles";
    public const string BuildLoops = "build-loops";
    public const string RerunLoops = "rerun-loops";
    public const string CoEditSupport = "co-edit-support";
    public const string TopLanguageShare = "top-language-share";
    public const string ActiveDays = "active-days";

    /// <summary>Every feature name, in the order the ranking model uses them.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        SwitchesPerHour, SwitchingTrend, ActiveHours, FocusShare, TestShare, BuildShare, DebugShare, TestCycles,
        FixUpCycles, BuildLoops, RerunLoops, CoEditSupport, TopLanguageShare, ActiveDays,
    ];

    public static Dictionary<string, double> Of(PatternReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var asOf = report.AsOf is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : DateOnly.MinValue;
        var week = report.ContextSwitches.Days.Where(d => d.Day > asOf.AddDays(-7)).ToList();
        var activeHours = week.Sum(d => d.ActiveHours);
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [SwitchesPerHour] = report.ContextSwitches.Last7DaysPerHour,
            [SwitchingTrend] = report.ContextSwitches.Trend,
            [ActiveHours] = activeHours,
            [FocusShare] = activeHours > 0 ? Math.Min(1, report.Focus.Last7DaysSeconds / (activeHours * 3600)) : 0,
            [TestShare] = CategoryShare(report, "running tests"),
            [BuildShare] = CategoryShare(report, "building"),
            [DebugShare] = CategoryShare(report, "debugging"),
            [TestCycles] = Occurrences(report, w => Has(w, WorkflowSteps.EditSource) && (Has(w, WorkflowSteps.EditTest) || Has(w, WorkflowSteps.RunTests))),
            [FixUpCycles] = Occurrences(report, w => Follows(w, WorkflowSteps.CommitBurst, WorkflowSteps.EditSource, WorkflowSteps.EditConfig, WorkflowSteps.EditTest)),
            [BuildLoops] = Occurrences(report, w => Follows(w, WorkflowSteps.Build, WorkflowSteps.EditSource) || Follows(w, WorkflowSteps.EditSource, WorkflowSteps.Build)),
            [RerunLoops] = Occurrences(report, w => !Has(w, WorkflowSteps.Debug) && Follows(w, WorkflowSteps.RunTests, WorkflowSteps.EditSource)),
            [CoEditSupport] = report.CoEditGroups.Select(g => g.Support).DefaultIfEmpty(0).Max(),
            [TopLanguageShare] = report.Languages.Where(l => l.Name != "Unknown").Select(l => l.Share).DefaultIfEmpty(0).Max(),
            [ActiveDays] = week.Count(d => d.ActiveHours > 0),
        };
    }

    private static double CategoryShare(PatternReport report, string category) =>
        report.Tools.Categories.FirstOrDefault(c => string.Equals(c.Name, category, StringComparison.OrdinalIgnoreCase))?.Share ?? 0;

    private static double Occurrences(PatternReport report, Func<Workflow, bool> matches) =>
        report.Workflows.Where(matches).Sum(w => w.Occurrences);

    private static bool Has(Workflow workflow, string step) => workflow.Steps.Any(s => s.Id == step);

    /// <summary>True when a step <paramref name="first"/> is directly followed by one of <paramref name="next"/>.</summary>
    private static bool Follows(Workflow workflow, string first, params string[] next)
    {
        for (var i = 0; i + 1 < workflow.Steps.Count; i++)
        {
            if (workflow.Steps[i].Id == first && next.Contains(workflow.Steps[i + 1].Id))
            {
                return true;
            }
        }

        return false;
    }
}
