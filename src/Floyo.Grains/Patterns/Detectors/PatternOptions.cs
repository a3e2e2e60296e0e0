namespace Floyo.Patterns.Detectors;

/// <summary>
/// Thresholds of the pattern detectors, bound from <c>Floyo:Patterns</c>. Changing them changes what is detected from
/// then on; what was already applied is not recomputed.
/// </summary>
public sealed class PatternOptions
{
    public const string Section = "Floyo:Patterns";

    /// <summary>A co-edit work window closes after a pause longer than this between change events.</summary>
    public TimeSpan CoEditWindowGap { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A co-edit work window is at most this long.</summary>
    public TimeSpan CoEditMaxWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Largest co-edit group size reported (2..4).</summary>
    public int CoEditMaxGroupSize { get; set; } = 4;

    /// <summary>Windows changing more files than this count for file supports but not for groups (bulk changes).</summary>
    public int CoEditMaxFilesPerWindow { get; set; } = 8;

    /// <summary>Minimum (decayed, guaranteed) support of a reported group, in windows.</summary>
    public double CoEditMinSupport { get; set; } = 3.5;

    /// <summary>Minimum confidence of a reported group.</summary>
    public double CoEditMinConfidence { get; set; } = 0.3;

    /// <summary>Minimum lift of a reported group.</summary>
    public double CoEditMinLift { get; set; } = 2;

    /// <summary>A workflow episode ends after a pause longer than this.</summary>
    public TimeSpan WorkflowEpisodeGap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Minimum (decayed, guaranteed) occurrences of a reported workflow.</summary>
    public double WorkflowMinOccurrences { get; set; } = 4;

    /// <summary>Distinct files changed in quick succession that make a commit-like burst.</summary>
    public int CommitBurstFiles { get; set; } = 4;

    /// <summary>
    /// The longest gap between two changes of a commit-like burst; a user who saves often gets a shorter one (a quarter
    /// of their median gap between changes).
    /// </summary>
    public TimeSpan CommitBurstMaxGap { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Shortest focus session.</summary>
    public TimeSpan FocusMinLength { get; set; } = TimeSpan.FromMinutes(25);

    /// <summary>A pause longer than this ends a focus session.</summary>
    public TimeSpan FocusMaxGap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Work outside the session's area for longer than this ends the session.</summary>
    public TimeSpan FocusMaxExcursion { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The smallest share of a focus session's file events that are in its project and area.</summary>
    public double FocusMinShare { get; set; } = 0.8;

    /// <summary>A pause longer than this separates work stretches (context switches are not counted across it).</summary>
    public TimeSpan StretchGap { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Counts of co-edit groups, workflows and hot files halve every this many days.</summary>
    public double DecayHalfLifeDays { get; set; } = 30;

    /// <summary>Robust z-score above which a day is unusual.</summary>
    public double UnusualDayThreshold { get; set; } = 5;

    /// <summary>Baseline days needed before a day can be called unusual.</summary>
    public int UnusualDayMinBaseline { get; set; } = 7;
}
