using Floyo.Insights;
using Floyo.Patterns;

namespace Floyo.Web.Tests;

/// <summary>Gives a user insights as the pattern grain would: the real insight rules run on a fixed pattern report.</summary>
internal static class SampleInsights
{
    /// <summary>Sends the generated set to the user's insights grain and waits until the grain holds it (the call is one-way).</summary>
    public static async Task<GeneratedInsights> GiveAsync(FloyoWebFixture fixture, Guid userId)
    {
        var report = new PatternReport(
            userId, 10, 10, DateTimeOffset.UtcNow, [], [],
            new FocusSummary([], 0, 0, 0, []),
            new ContextSwitchSummary(5, 0, 0, [new DailySwitches(DateOnly.FromDateTime(DateTime.UtcNow), 30, 10, 6)]),
            [], [new MixEntry("C#", 50, 0, 1, 1)], [], new ToolUsage([], [], [new MixEntry("building", 10, 0, 0.2, 1)]), []);
        var generated = InsightGenerator.Generate(report) with { Checkpoint = 1_000_000 };
        var grain = fixture.Grains.GetGrain<IInsightsGrain>(userId);
        await grain.ApplyGeneratedAsync(generated);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while ((await grain.GetInsightsAsync()).Checkpoint != generated.Checkpoint)
        {
            await Task.Delay(10, patience.Token);
        }

        return generated;
    }
}
