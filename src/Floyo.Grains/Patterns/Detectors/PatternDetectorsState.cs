namespace Floyo.Patterns.Detectors;

/// <summary>
/// Everything the pattern detectors keep for one user. Every part is bounded (capacities and kept-days constants of
/// the detectors), so the state does not grow with history.
/// </summary>
[GenerateSerializer, Alias("floyo.PatternDetectorsState")]
public sealed class PatternDetectorsState
{
    /// <summary>The newest event's timestamp.</summary>
    [Id(0)] public DateTimeOffset? AsOf { get; set; }

    [Id(1)] public CoEditState CoEdit { get; set; } = new();

    [Id(2)] public WorkflowState Workflows { get; set; } = new();

    [Id(3)] public FocusState Focus { get; set; } = new();

    [Id(4)] public DailyActivityState Daily { get; set; } = new();

    [Id(5)] public HotFileState HotFiles { get; set; } = new();

    [Id(6)] public WeeklyMixState Extensions { get; set; } = new();

    [Id(7)] public WeeklyMixState Languages { get; set; } = new();

    [Id(8)] public WeeklyMixState Editors { get; set; } = new();

    [Id(9)] public WeeklyMixState Plugins { get; set; } = new();

    [Id(10)] public WeeklyMixState Categories { get; set; } = new();

    /// <summary>The rules the state was counted by (<see cref="DetectorStateUpgrade"/>); 0 when saved before versions existed.</summary>
    [Id(11)] public int Version { get; set; }
}
