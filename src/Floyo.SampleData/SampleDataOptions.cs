namespace Floyo.SampleData;

/// <summary>What to generate.</summary>
public sealed record SampleDataOptions
{
    /// <summary>The default recommendation type ids feedback is simulated for.</summary>
    public static readonly IReadOnlyList<string> DefaultRecommendationTypes =
    [
        "test-watcher", "pre-commit-hooks", "formatter", "batch-communication", "ide-refactoring", "focus-blocks",
        "build-cache", "debugger-breakpoints",
    ];

    public int Users { get; init; } = 10;

    public int Days { get; init; } = 14;

    /// <summary>Target events per user per working day (10, 100, 1,000, …); the actual number varies by day.</summary>
    public int EventsPerDay { get; init; } = 300;

    public int Seed { get; init; } = 1;

    /// <summary>The last generated UTC day (days run up to and including it).</summary>
    public DateOnly LastDay { get; init; } = new(2026, 11, 20);

    public IReadOnlyList<string> RecommendationTypes { get; init; } = DefaultRecommendationTypes;

    /// <summary>
    /// The longest pause a focus session may contain (the detector's default). Focus and scattered blocks are recorded
    /// only when heartbeats are dense enough that no pause inside a block can exceed it (1.5 × the mean interval).
    /// </summary>
    public TimeSpan FocusMaxGap { get; init; } = TimeSpan.FromMinutes(5);
}
