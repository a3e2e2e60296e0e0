using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Floyo.Patterns;

namespace Floyo.Insights;

/// <summary>
/// Insights that state a finding without recommending a tool: co-edited files, repeating workflows, unusual days, and
/// focus and switching this week versus last. Scores are fixed by type so observations sort below strong
/// recommendations and above weak ones.
/// </summary>
public static class ObservationRules
{
    public const int CoEditGroupsShown = 3;
    public const int WorkflowsShown = 2;
    public const int UnusualDaysBack = 7;

    public static IEnumerable<Insight> Evaluate(PatternReport report, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var group in report.CoEditGroups.Take(CoEditGroupsShown))
        {
            yield return Observation(
                $"{InsightTypes.CoEdit}:{Hash(string.Join('\n', group.Files))}", InsightTypes.CoEdit, 0.3, asOf,
                $"{group.Files.Count} files change together",
                $"{string.Join(", ", group.Files.Select(Path.GetFileName))} changed together in {Count(group.Support)} work windows" +
                (group.Project is null ? "." : $" of {group.Project}."),
                [new("Work windows together", Math.Round(group.Support, 1), ""), new("Confidence", Math.Round(group.Confidence * 100), "%"), new("Lift", Math.Round(group.Lift, 1), "×")]);
        }

        foreach (var workflow in report.Workflows.Where(w => w.Occurrences >= 3).Take(WorkflowsShown))
        {
            var steps = string.Join(" → ", workflow.Steps.Select(s => s.Label));
            yield return Observation(
                $"{InsightTypes.Workflow}:{string.Join('>', workflow.Steps.Select(s => s.Id))}", InsightTypes.Workflow, 0.25, asOf,
                "A workflow you repeat", $"{steps}: {Count(workflow.Occurrences)} times, typically {Minutes(workflow.TypicalSeconds)}.",
                [new("Occurrences", Math.Round(workflow.Occurrences, 1), ""), new("Typical duration", Math.Round(workflow.TypicalSeconds), "seconds")]);
        }

        var recent = DateOnly.FromDateTime(asOf.UtcDateTime).AddDays(-UnusualDaysBack);
        foreach (var day in report.UnusualDays.Where(d => d.Day > recent))
        {
            var drivers = day.Drivers.Take(3).ToList();
            yield return Observation(
                $"{InsightTypes.UnusualDay}:{day.Day:yyyy-MM-dd}", InsightTypes.UnusualDay, 0.2, asOf,
                $"{day.Day.ToString("dddd d MMMM", CultureInfo.InvariantCulture)} was unusual",
                $"Unlike your usual days: {string.Join(", ", drivers.Select(d => $"{d.Name} {Number(d.Value)} (usually {Number(d.BaselineMedian)})"))}.",
                [.. drivers.Select(d => new InsightEvidence(d.Name, Math.Round(d.Value, 2), $"usual {Number(d.BaselineMedian)}"))]);
        }

        if (report.Focus.Previous7DaysSeconds > 0 || report.Focus.Last7DaysSeconds > 0)
        {
            var change = Change(report.Focus.Last7DaysSeconds, report.Focus.Previous7DaysSeconds);
            yield return Observation(
                InsightTypes.FocusTrend, InsightTypes.FocusTrend, 0.2, asOf,
                "Focus time this week",
                $"{Hours(report.Focus.Last7DaysSeconds)} h of focus sessions in the last 7 days, {Hours(report.Focus.Previous7DaysSeconds)} h the 7 days before.",
                [new("Focus, last 7 days", Math.Round(report.Focus.Last7DaysSeconds / 3600, 1), "hours"), new("Focus, 7 days before", Math.Round(report.Focus.Previous7DaysSeconds / 3600, 1), "hours"), new("Change", change, "%")]);
        }

        if (report.ContextSwitches.Previous7DaysPerHour > 0)
        {
            var trend = Math.Round(report.ContextSwitches.Trend * 100);
            yield return Observation(
                InsightTypes.SwitchingTrend, InsightTypes.SwitchingTrend, trend >= 50 ? 0.4 : 0.15, asOf,
                trend >= 0 ? "More context switching than last week" : "Less context switching than last week",
                $"{Number(report.ContextSwitches.Last7DaysPerHour)} switches per active hour, {Number(report.ContextSwitches.Previous7DaysPerHour)} the week before.",
                [new("Switches per hour, last 7 days", Math.Round(report.ContextSwitches.Last7DaysPerHour, 1), "per hour"), new("The 7 days before", Math.Round(report.ContextSwitches.Previous7DaysPerHour, 1), "per hour"), new("Change", trend, "%")],
                trend >= 50 ? InsightSeverity.Warning : InsightSeverity.Info);
        }
    }

    /// <summary>A short stable hash of <paramref name="text"/> (8 hex digits of SHA-256) for ids.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];

    private static Insight Observation(
        string id, string type, double score, DateTimeOffset asOf, string title, string summary,
        IReadOnlyList<InsightEvidence> why, InsightSeverity severity = InsightSeverity.Info) =>
        new(id, type, severity, title, summary, why, null, score, InsightStatus.Open, null, asOf);

    private static double Change(double now, double before) => before > 0 ? Math.Round((now / before - 1) * 100) : 100;

    private static string Count(double value) => Math.Round(value).ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Hours(double seconds) => (seconds / 3600).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Minutes(double seconds) => seconds < 90
        ? $"{Math.Round(seconds).ToString(CultureInfo.InvariantCulture)} s"
        : $"{Math.Round(seconds / 60).ToString(CultureInfo.InvariantCulture)} min";
}
