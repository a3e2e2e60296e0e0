using Floyo.Patterns;

namespace Floyo.Grains.Tests.Insights;

/// <summary>Pattern reports shaped like the detectors' output, for testing the insight rules on their own.</summary>
internal static class SampleReports
{
    public static readonly DateTimeOffset AsOf = new(2026, 3, 10, 17, 0, 0, TimeSpan.Zero);

    /// <summary>One ordinary working day: C# in one project, some test cycles, a few switches, one focus session.</summary>
    public static PatternReport OneWorkingDay() => new(
        Guid.Parse("6a0b7c5e-1d2f-4e3a-9b8c-7d6e5f4a3b2c"), 120, 120, AsOf,
        [new CoEditGroup(["src/Billing/Invoice.cs", "tests/Billing/InvoiceTests.cs"], "shop", 4, 0.8, 6.5, AsOf)],
        [
            Flow(6, 95, WorkflowSteps.EditSource, WorkflowSteps.EditTest, WorkflowSteps.RunTests),
            Flow(3, 40, WorkflowSteps.RunTests, WorkflowSteps.EditSource),
        ],
        new FocusSummary([new FocusSession(AsOf.AddHours(-6), AsOf.AddHours(-5), "shop", "src/Billing", 60, 4)], 3600, 3600, 0, [new DailyFocus(Day, 1, 3600)]),
        new ContextSwitchSummary(4.5, 0, 0, [new DailySwitches(Day, 27, 6, 6)]),
        [new MixEntry(".cs", 100, 0, 0.83, 1), new MixEntry(".json", 20, 0, 0.17, 1)],
        [new MixEntry("C#", 100, 0, 0.83, 1), new MixEntry("JSON", 20, 0, 0.17, 1)],
        [new HotFile("src/Billing/Invoice.cs", "shop", 30, 0, 120, 40, AsOf)],
        new ToolUsage([new MixEntry("vscode", 120, 0, 1, 1)], [], [new MixEntry("coding", 100, 0, 0.83, 1), new MixEntry("running tests", 20, 0, 0.17, 1)]),
        []);

    public static DateOnly Day => DateOnly.FromDateTime(AsOf.UtcDateTime);

    public static Workflow Flow(double occurrences, double typicalSeconds, params string[] steps) =>
        new([.. steps.Select(WorkflowSteps.Get)], occurrences, typicalSeconds, AsOf);
}
