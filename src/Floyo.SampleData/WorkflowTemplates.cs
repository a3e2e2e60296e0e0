using Floyo.Patterns;

namespace Floyo.SampleData;

/// <summary>The workflows a persona may follow, as step ids of <see cref="WorkflowSteps"/>.</summary>
internal static class WorkflowTemplates
{
    public static readonly string[] TestFirst = [WorkflowSteps.EditTest, WorkflowSteps.EditSource, WorkflowSteps.RunTests];

    public static readonly string[] EditTestCommit =
        [WorkflowSteps.EditSource, WorkflowSteps.EditTest, WorkflowSteps.RunTests, WorkflowSteps.CommitBurst];

    public static readonly string[] BuildDebugFix = [WorkflowSteps.Build, WorkflowSteps.Debug, WorkflowSteps.EditSource];

    public static readonly string[] EditBuildTest = [WorkflowSteps.EditSource, WorkflowSteps.Build, WorkflowSteps.RunTests];

    public static readonly string[] ReviewFixCommit = [WorkflowSteps.Review, WorkflowSteps.EditSource, WorkflowSteps.CommitBurst];

    public static readonly string[] ConfigBuildDebug = [WorkflowSteps.EditConfig, WorkflowSteps.Build, WorkflowSteps.Debug];

    private static readonly string[][] Others = [BuildDebugFix, EditBuildTest, ReviewFixCommit, ConfigBuildDebug, EditTestCommit];

    public static List<string[]> For(Persona persona, Random random)
    {
        var others = Others.OrderBy(_ => random.Next()).ToList();
        return persona.TestDriven
            ? [random.NextDouble() < 0.5 ? TestFirst : EditTestCommit, others.First(o => o != EditTestCommit)]
            : [others[0], others[1]];
    }
}
