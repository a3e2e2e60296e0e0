using Floyo.Activity;

namespace Floyo.Patterns.Detectors;

/// <summary>
/// All pattern detectors over one <see cref="PatternDetectorsState"/>: events go in, in sequence order, and a
/// <see cref="PatternReport"/> comes out. Days are the user's (<see cref="LocalDays"/>). Pure and deterministic: only event timestamps are used, never the clock.
/// </summary>
public sealed class PatternDetectors
{
    private readonly PatternDetectorsState state;
    private readonly PatternOptions options;
    private readonly LocalDays days;
    private readonly CoEditDetector coEdit;
    private readonly WorkflowDetector workflows;
    private readonly FocusDetector focus;
    private readonly DailyActivityDetector daily;
    private readonly HotFileDetector hotFiles;
    private readonly WeeklyMix extensions;
    private readonly WeeklyMix languages;
    private readonly WeeklyMix editors;
    private readonly WeeklyMix plugins;
    private readonly WeeklyMix categories;

    public PatternDetectors(PatternDetectorsState state, PatternOptions options, LocalDays days)
    {
        DetectorStateUpgrade.Apply(state);
        this.days = days;
        this.state = state;
        this.options = options;
        coEdit = new CoEditDetector(state.CoEdit, options);
        workflows = new WorkflowDetector(state.Workflows, options);
        focus = new FocusDetector(state.Focus, options, days);
        daily = new DailyActivityDetector(state.Daily, options, days);
        hotFiles = new HotFileDetector(state.HotFiles, options);
        extensions = new WeeklyMix(state.Extensions);
        languages = new WeeklyMix(state.Languages);
        editors = new WeeklyMix(state.Editors);
        plugins = new WeeklyMix(state.Plugins);
        categories = new WeeklyMix(state.Categories);
    }

    public void Apply(ActivityEvent e)
    {
        if (state.AsOf is { } asOf && e.Timestamp < asOf)
        {
            // Out-of-order timestamps (a late offline queue) are counted by day but do not rewind the detectors.
            e = e with { Timestamp = asOf };
        }

        state.AsOf = e.Timestamp;
        var day = days.DayOf(e.Timestamp);
        coEdit.Apply(e);
        workflows.Apply(e);
        focus.Apply(e);
        daily.Apply(e);
        hotFiles.Apply(e);
        if (PatternEvents.IsFileEvent(e))
        {
            extensions.Add(e.Details?.Extension?.ToLowerInvariant() ?? ActivityAggregates.ExtensionOf(e.Entity), day);
        }

        languages.Add(e.Language, day);
        editors.Add(e.Editor, day);
        plugins.Add(PatternEvents.PluginOf(e), day);
        categories.Add(PatternEvents.CategoryOf(e), day);
    }

    public PatternReport Report(Guid userId, long checkpoint, long eventsApplied)
    {
        if (state.AsOf is not { } asOf)
        {
            return PatternReports.Empty(userId, checkpoint, eventsApplied);
        }

        var today = days.DayOf(asOf);
        var dailyFeatures = daily.Days.OrderBy(kv => kv.Key)
            .Select(kv => (kv.Key, UnusualDayScorer.Features(kv.Value, focus.SecondsOn(kv.Key))))
            .ToList();
        return new PatternReport(
            userId,
            checkpoint,
            eventsApplied,
            asOf,
            coEdit.Report(),
            workflows.Report(),
            focus.Report(today),
            daily.Report(today),
            extensions.Report(today),
            languages.Report(today),
            hotFiles.Report(),
            new ToolUsage(editors.Report(today), plugins.Report(today), categories.Report(today)),
            UnusualDayScorer.Find(dailyFeatures, today, options.UnusualDayThreshold, options.UnusualDayMinBaseline));
    }
}
