using System.Globalization;
using Floyo.Patterns;
using static Floyo.Insights.UserFeatures;

namespace Floyo.Insights;

/// <summary>
/// Maps a user's patterns to catalogue entries. Each rule fires only on evidence in the user's own numbers and gives a
/// strength in 0..1 (how strongly the evidence points at the entry); the rule prior score is
/// <c>entry prior × (0.5 + 0.5 × strength)</c>. Thresholds are deliberately low so a single normal working day already
/// yields several recommendations; strength, not firing, separates weak from strong fits.
/// </summary>
public static class RecommendationRules
{
    public static IEnumerable<RuleMatch> Evaluate(PatternReport report, IReadOnlyDictionary<string, double> f)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(f);
        return new[]
        {
            TestWatcher(report, f), PreCommitHooks(f), Formatter(report), BatchCommunication(report, f),
            IdeRefactoring(report), FocusBlocks(f), BuildCache(f), DebuggerBreakpoints(f),
        }.OfType<RuleMatch>();
    }

    private static RuleMatch? TestWatcher(PatternReport report, IReadOnlyDictionary<string, double> f)
    {
        var cycles = f[TestCycles];
        if (cycles < 2)
        {
            return null;
        }

        var typical = report.Workflows
            .Where(w => w.Steps.Any(s => s.Id == WorkflowSteps.EditSource) && w.Steps.Any(s => s.Id is WorkflowSteps.EditTest or WorkflowSteps.RunTests))
            .Select(w => w.TypicalSeconds).DefaultIfEmpty(0).Max();
        return new(RecommendationCatalog.TestWatcher, "all", Math.Min(1, cycles / 15),
            $"You moved between source, tests and test runs {Count(cycles)} times recently; a watcher runs the tests for you on every save.",
            [new("Source ↔ test cycles", Round(cycles), ""), new("Typical cycle", Math.Round(typical), "seconds"), new("Test runs", Percent(f[TestShare]), "% of events")]);
    }

    private static RuleMatch? PreCommitHooks(IReadOnlyDictionary<string, double> f)
    {
        var fixUps = f[FixUpCycles];
        return fixUps < 2
            ? null
            : new(RecommendationCatalog.PreCommitHooks, "all", Math.Min(1, fixUps / 10),
                $"{Count(fixUps)} times you went back to editing right after a commit-like burst of saves; hooks catch those fixes before the commit.",
                [new("Edits right after a commit-like burst", Round(fixUps), "")]);
    }

    private static RuleMatch? Formatter(PatternReport report)
    {
        var language = report.Languages
            .Where(l => l.Share >= 0.1 && RecommendationCatalog.Formatters.ContainsKey(l.Name))
            .OrderByDescending(l => l.Share).ThenBy(l => l.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (language is null)
        {
            return null;
        }

        var tool = RecommendationCatalog.Formatters[language.Name];
        return new(RecommendationCatalog.Formatter, Slug(language.Name), language.Share,
            $"{Percent(language.Share)} % of your events this week were {language.Name}; {tool} formats it automatically on save.",
            [new($"{language.Name} share of events", Percent(language.Share), "%"), new($"{language.Name} events this week", language.ThisWeek, "")]);
    }

    private static RuleMatch? BatchCommunication(PatternReport report, IReadOnlyDictionary<string, double> f)
    {
        var perHour = f[SwitchesPerHour];
        if (perHour < 1)
        {
            return null;
        }

        return new(RecommendationCatalog.BatchCommunication, "all", Math.Min(1, perHour / 10),
            $"You switched project or area {perHour.ToString("0.#", CultureInfo.InvariantCulture)} times per active hour this week; batching interruptions keeps longer stretches free.",
            [new("Switches per active hour", Math.Round(perHour, 1), "per hour"),
             new("Change from the previous week", Percent(report.ContextSwitches.Trend), "%"),
             new("Active hours this week", Math.Round(f[ActiveHours], 1), "hours")],
            perHour >= 8 ? InsightSeverity.Warning : InsightSeverity.Suggestion);
    }

    private static RuleMatch? IdeRefactoring(PatternReport report)
    {
        var group = report.CoEditGroups
            .Where(g => g.Support >= 3 && (g.Files.Count >= 3 || g.Support >= 5))
            .OrderByDescending(g => g.Support).ThenBy(g => string.Join('\n', g.Files), StringComparer.Ordinal)
            .FirstOrDefault();
        return group is null
            ? null
            : new(RecommendationCatalog.IdeRefactoring, ObservationRules.Hash(group.Project ?? ""), Math.Min(1, group.Support / 15),
                $"{group.Files.Count} files changed together in {Count(group.Support)} separate work windows; refactorings and multi-cursor edits change them in one step.",
                [new("Files in the group", group.Files.Count, ""), new("Windows that changed them together", Round(group.Support), ""), new("Lift", Math.Round(group.Lift, 1), "×")]);
    }

    private static RuleMatch? FocusBlocks(IReadOnlyDictionary<string, double> f)
    {
        var share = f[FocusShare];
        return f[ActiveHours] < 1 || share >= 0.8
            ? null
            : new(RecommendationCatalog.FocusBlocks, "all", Math.Min(1, (0.8 - share) / 0.8),
                $"Only {Percent(share)} % of your {f[ActiveHours].ToString("0.#", CultureInfo.InvariantCulture)} active hours this week were focus sessions; protected blocks raise that.",
                [new("Focus share of active time", Percent(share), "%"), new("Active hours this week", Math.Round(f[ActiveHours], 1), "hours")]);
    }

    private static RuleMatch? BuildCache(IReadOnlyDictionary<string, double> f)
    {
        var share = f[BuildShare];
        var loops = f[BuildLoops];
        return share < 0.05 && loops < 3
            ? null
            : new(RecommendationCatalog.BuildCache, "all", Math.Min(1, Math.Max(share * 4, loops / 15)),
                $"Building took {Percent(share)} % of your events and you went round the build-edit loop {Count(loops)} times; incremental builds shorten every round.",
                [new("Build share of events", Percent(share), "%"), new("Build ↔ edit loops", Round(loops), "")]);
    }

    private static RuleMatch? DebuggerBreakpoints(IReadOnlyDictionary<string, double> f)
    {
        var loops = f[RerunLoops];
        return loops < 3 || f[DebugShare] >= 0.02
            ? null
            : new(RecommendationCatalog.DebuggerBreakpoints, "all", Math.Min(1, loops / 15),
                $"You re-ran tests and edited source {Count(loops)} times without a debug session; the debugger shows the state in one run.",
                [new("Run → edit → run loops", Round(loops), ""), new("Debugging share of events", Percent(f[DebugShare]), "%")]);
    }

    /// <summary>A URL-safe id part for a name: lower case letters and digits, "#" as "sharp", "+" as "p", others "-".</summary>
    public static string Slug(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var slug = new System.Text.StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            slug.Append(c switch
            {
                '#' => "sharp",
                '+' => "p",
                _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
                _ => "-",
            });
        }

        return slug.ToString();
    }

    private static double Percent(double share) => Math.Round(share * 100);

    private static double Round(double value) => Math.Round(value, 1);

    private static string Count(double value) => Math.Round(value).ToString(CultureInfo.InvariantCulture);
}

/// <summary>A rule's verdict: the catalogue entry, the subject it applies to, strength (0..1), why, the numbers.</summary>
public sealed record RuleMatch(
    string CatalogId,
    string Subject,
    double Strength,
    string WhyItFits,
    IReadOnlyList<InsightEvidence> Why,
    InsightSeverity Severity = InsightSeverity.Suggestion);
