namespace Floyo.Patterns;

/// <summary>One step of a <see cref="Workflow"/>: a stable id (see <see cref="WorkflowSteps"/>) and a label to show.</summary>
/// <param name="Id">Stable id, e.g. <c>edit-source</c>.</param>
/// <param name="Label">English label for the UI, e.g. "Edit source".</param>
[GenerateSerializer, Immutable, Alias("floyo.WorkflowStep")]
public sealed record WorkflowStep(
    [property: Id(0)] string Id,
    [property: Id(1)] string Label);
