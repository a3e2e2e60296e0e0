namespace Floyo.SampleData;

/// <summary>What the generator planted, for every user; written as JSON next to (or instead of) the events.</summary>
public sealed record GroundTruth(SampleDataOptions Options, IReadOnlyList<UserTruth> Users);

/// <summary>One generated user: persona and everything planted.</summary>
/// <param name="Index">0-based user index.</param>
/// <param name="Persona">The persona the activity follows.</param>
/// <param name="CoEditGroups">Planted co-edit groups and how many full occurrences were generated.</param>
/// <param name="DecoyFiles">Files changed often but independently (negatives for co-edit groups).</param>
/// <param name="Workflows">Planted workflows and how many intact occurrences were generated.</param>
/// <param name="FocusSessions">Planted focus sessions (first to last in-area event).</param>
/// <param name="ScatteredBlocks">Blocks of context switching at least as long as a focus session (negatives).</param>
/// <param name="UnusualDays">Planted unusual days and their kind.</param>
/// <param name="Preferences">Hidden acceptance probability per recommendation type id.</param>
/// <param name="Events">How many events were generated.</param>
public sealed record UserTruth(
    int Index,
    Persona Persona,
    IReadOnlyList<PlantedGroup> CoEditGroups,
    IReadOnlyList<PlantedFile> DecoyFiles,
    IReadOnlyList<PlantedWorkflow> Workflows,
    IReadOnlyList<PlantedSpan> FocusSessions,
    IReadOnlyList<PlantedSpan> ScatteredBlocks,
    IReadOnlyList<PlantedDay> UnusualDays,
    IReadOnlyDictionary<string, double> Preferences,
    int Events);

public sealed record PlantedGroup(string Project, IReadOnlyList<string> Files, int Occurrences);

public sealed record PlantedFile(string Project, string File);

public sealed record PlantedWorkflow(IReadOnlyList<string> Steps, int Occurrences);

public sealed record PlantedSpan(string Project, string Area, DateTimeOffset Start, DateTimeOffset End);

public sealed record PlantedDay(DateOnly Day, string Kind);
