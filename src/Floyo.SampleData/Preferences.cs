namespace Floyo.SampleData;

/// <summary>
/// Hidden per-user acceptance probabilities per recommendation type: a base rate, raised where the persona's way of
/// working makes the recommendation fit (test-driven: test watcher; context switcher: batching communication and focus
/// blocks; builds and debugging in its workflows: build cache and breakpoints; commit bursts: pre-commit hooks), plus
/// personal noise. Types not known here get the base rate with noise.
/// </summary>
internal static class Preferences
{
    public static Dictionary<string, double> For(Persona persona, IReadOnlyList<string[]> workflows, IReadOnlyList<string> types, Random random)
    {
        var steps = workflows.SelectMany(w => w).ToHashSet();
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            var fit = type switch
            {
                "test-watcher" => persona.TestDriven ? 0.5 : 0,
                "batch-communication" => persona.ContextSwitcher ? 0.5 : -0.1,
                "focus-blocks" => persona.ContextSwitcher ? 0.4 : 0,
                "build-cache" => steps.Contains(Patterns.WorkflowSteps.Build) ? 0.4 : -0.1,
                "debugger-breakpoints" => steps.Contains(Patterns.WorkflowSteps.Debug) ? 0.4 : 0,
                "pre-commit-hooks" => steps.Contains(Patterns.WorkflowSteps.CommitBurst) ? 0.4 : 0,
                "formatter" => persona.Projects.Any(p => p.Language is "Python" or "TypeScript") ? 0.3 : 0,
                _ => 0,
            };
            result[type] = Math.Round(Math.Clamp(0.2 + fit + ((random.NextDouble() - 0.5) * 0.3), 0.02, 0.98), 3);
        }

        return result;
    }
}
