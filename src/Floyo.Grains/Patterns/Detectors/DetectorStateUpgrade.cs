namespace Floyo.Patterns.Detectors;

/// <summary>
/// Brings a saved detector state up to the current rules when it is loaded. Version 0 (saved before versions existed)
/// counted co-edit groups and commit-like bursts by earlier rules (unweighted windows, bursts of 4 files in 60 s), so
/// those two parts start over from the next event; focus, daily statistics, mixes and hot files carry on.
/// </summary>
internal static class DetectorStateUpgrade
{
    public const int CurrentVersion = 1;

    public static void Apply(PatternDetectorsState state)
    {
        if (state.Version >= CurrentVersion)
        {
            return;
        }

        if (state.AsOf is not null)
        {
            state.CoEdit = new CoEditState();
            state.Workflows = new WorkflowState();
        }

        state.Version = CurrentVersion;
    }
}
