namespace Floyo.Patterns;

/// <summary>
/// The step types workflows are made of. Each event maps to one step; consecutive events of the same step collapse
/// into one. The ids are stable (UIs and recommendations key on them).
/// </summary>
public static class WorkflowSteps
{
    /// <summary>Changing a non-test source file.</summary>
    public const string EditSource = "edit-source";

    /// <summary>Changing a test file (path or name says test/spec).</summary>
    public const string EditTest = "edit-test";

    /// <summary>Changing configuration, build or documentation files (json, yaml, md, csproj, …).</summary>
    public const string EditConfig = "edit-config";

    /// <summary>A build (kind build or category building).</summary>
    public const string Build = "build";

    /// <summary>A test run (kind test_run or category running tests).</summary>
    public const string RunTests = "run-tests";

    /// <summary>A debug session (kind debug_session or category debugging).</summary>
    public const string Debug = "debug";

    /// <summary>Code review (category code reviewing).</summary>
    public const string Review = "review";

    /// <summary>A commit-like burst: many distinct files saved within a minute (as when committing or formatting).</summary>
    public const string CommitBurst = "commit-burst";

    /// <summary>Every step id with its label, in a stable order.</summary>
    public static IReadOnlyList<WorkflowStep> All { get; } =
    [
        new(EditSource, "Edit source"), new(EditTest, "Edit test"), new(EditConfig, "Edit config"),
        new(Build, "Build"), new(RunTests, "Run tests"), new(Debug, "Debug"), new(Review, "Review"),
        new(CommitBurst, "Commit-like burst"),
    ];

    /// <summary>The step with id <paramref name="id"/> (an unknown id is its own label).</summary>
    public static WorkflowStep Get(string id) => All.FirstOrDefault(s => s.Id == id) ?? new WorkflowStep(id, id);
}
