using Floyo.Insights;
using Floyo.Patterns;
using Floyo.SampleData;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Floyo.Postgres.Tests.Insights;

public sealed class RecommendationModelTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Retrain_OnPostgres_StoresVersionedModelsThatAreShippedAgainAfterARestart()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        var clusterId = "ranking-" + Guid.NewGuid().ToString("N")[..8];
        var feedback = FeedbackSamples.Generate(250, seed: 5, new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)).ToList();
        ShippedModel shippedBefore;
        await using (var first = await SiloHost.StartAsync(connectionString, clusterId, cancellationToken))
        {
            var log = first.Services.GetRequiredService<IRecommendationFeedbackLog>();
            foreach (var entry in feedback)
            {
                await log.AppendAsync(entry, cancellationToken);
            }

            var model = first.Grains.GetGrain<IRecommendationModelGrain>(IRecommendationModelGrain.Key);
            var one = await model.RetrainAsync();
            var two = await model.RetrainAsync();
            shippedBefore = (await model.GetShippedModelAsync())!;

            Assert.Equal(feedback.Where(f => f.UserId == feedback[0].UserId), await log.ReadUserAsync(feedback[0].UserId, cancellationToken), FeedbackComparer.Instance);
            Assert.Equal(("model:1", "model:2"), (one.Ranking, two.Ranking));
            Assert.Equal([2, 1], two.Versions.Select(v => v.Version));
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var rows = await Sql.QueryAsync(
            dataSource,
            "SELECT version, shipped, training_examples, length(model), (metrics ->> 'modelAuc')::float8 > (metrics ->> 'priorAuc')::float8 FROM floyo_recommendation_models WHERE name = $1 ORDER BY version",
            r => (r.GetInt32(0), r.GetBoolean(1), r.GetInt32(2), r.GetInt32(3) > 0, r.GetBoolean(4)),
            cancellationToken,
            "recommendation-acceptance");
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.True(row.Item2 && row.Item4 && row.Item5 && row.Item3 is > 0 and < 1000, $"{row}"));

        await using (var second = await SiloHost.StartAsync(connectionString, clusterId, cancellationToken))
        {
            var model = second.Grains.GetGrain<IRecommendationModelGrain>(IRecommendationModelGrain.Key);
            var info = await model.GetInfoAsync(10);
            var shippedAfter = (await model.GetShippedModelAsync())!;
            var insights = await InsightsRankedAsync(second.Grains);

            Assert.Equal("model:2", info.Ranking);
            Assert.Equal(2, info.Shipped!.Version);
            Assert.Equal((TrainingOutcome.Shipped, 1000, (int?)2), (info.LastRun!.Outcome, info.LastRun.Feedback, info.LastRun.Version));
            Assert.Equal(0.5, info.AcceptanceRates.Single(r => r.Type == RecommendationCatalog.TestWatcher).Rate);
            Assert.Equal(shippedBefore.Bytes, shippedAfter.Bytes);
            Assert.Equal("model:2", insights.Ranking);
        }
    }

    /// <summary>A new user's insights (from a fixed report) as the restarted silo ranks them.</summary>
    private static async Task<InsightsSnapshot> InsightsRankedAsync(IGrainFactory grains)
    {
        var userId = Guid.NewGuid();
        var report = new PatternReport(
            userId, 10, 10, DateTimeOffset.UtcNow, [], [],
            new FocusSummary([], 0, 0, 0, []),
            new ContextSwitchSummary(5, 0, 0, [new DailySwitches(DateOnly.FromDateTime(DateTime.UtcNow), 30, 10, 6)]),
            [], [new MixEntry("C#", 50, 0, 1, 1)], [], new ToolUsage([], [], [new MixEntry("building", 10, 0, 0.2, 1)]), []);
        var generated = InsightGenerator.Generate(report) with { Checkpoint = 1_000_000 };
        var grain = grains.GetGrain<IInsightsGrain>(userId);
        await grain.ApplyGeneratedAsync(generated);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        InsightsSnapshot snapshot;
        while ((snapshot = await grain.GetInsightsAsync()).Checkpoint != generated.Checkpoint)
        {
            await Task.Delay(10, patience.Token);
        }

        return snapshot;
    }

    /// <summary>Feedback entries are equal when every field is, features compared by content.</summary>
    private sealed class FeedbackComparer : IEqualityComparer<RecommendationFeedback>
    {
        public static readonly FeedbackComparer Instance = new();

        public bool Equals(RecommendationFeedback? x, RecommendationFeedback? y) =>
            x is not null && y is not null && x with { Features = y.Features } == y && x.Features.OrderBy(f => f.Key).SequenceEqual(y.Features.OrderBy(f => f.Key));

        public int GetHashCode(RecommendationFeedback obj) => HashCode.Combine(obj.UserId, obj.CatalogId, obj.Accepted);
    }
}
