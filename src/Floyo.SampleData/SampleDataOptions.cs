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

    /// <summary>Focus sessions are planted only when events are dense enough to be seen (the mean heartbeat interval at most this, so that 1.5× it stays under the focus detector's 5-minute gap).</summary>
    public TimeSpan FocusVisibleInterval { get; init; } = TimeSpan.FromSeconds(180);
}
