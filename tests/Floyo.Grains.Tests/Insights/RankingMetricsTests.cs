using Floyo.Insights.Learning;

namespace Floyo.Grains.Tests.Insights;

public sealed class RankingMetricsTests
{
    [Fact]
    public void Auc_CountsOrderedPairsAndHalvesTies()
    {
        Assert.Equal(1.0, RankingMetrics.Auc([(0.9, true), (0.8, true), (0.1, false)]));
        Assert.Equal(0.0, RankingMetrics.Auc([(0.1, true), (0.9, false)]));
        Assert.Equal(0.5, RankingMetrics.Auc([(0.5, true), (0.5, false), (0.5, true), (0.5, false)]));

        // Pairs (positive, negative): (0.8, 0.3) yes, (0.8, 0.9) no, (0.3, 0.3) half, (0.3, 0.9) no -> 1.5 / 4.
        Assert.Equal(0.375, RankingMetrics.Auc([(0.8, true), (0.3, true), (0.3, false), (0.9, false)]));
        Assert.Null(RankingMetrics.Auc([(0.8, true), (0.3, true)]));
    }

    [Fact]
    public void NdcgAt_ComparesTheScoreOrderWithTheIdealOrder()
    {
        // Only the first 3 by score count (a, b, c), against the ideal first 3 by relevance (d, a, b).
        var cutOff = (0.8 + (0.4 / Math.Log2(3)) + (0.1 / 2)) / (0.9 + (0.8 / Math.Log2(3)) + (0.4 / 2));
        Assert.Equal(cutOff, RankingMetrics.NdcgAt(3, [("a", 0.9, 0.8), ("b", 0.5, 0.4), ("c", 0.1, 0.1), ("d", 0.0, 0.9)])!.Value, 12);

        // Scores put relevance 0.2 first and 1.0 second: (0.2 + 1.0 / log2 3) / (1.0 + 0.2 / log2 3).
        var expected = (0.2 + (1.0 / Math.Log2(3))) / (1.0 + (0.2 / Math.Log2(3)));
        Assert.Equal(expected, RankingMetrics.NdcgAt(3, [("a", 0.9, 0.2), ("b", 0.5, 1.0)])!.Value, 12);
        Assert.Equal(1.0, RankingMetrics.NdcgAt(2, [("a", 0.9, 1.0), ("b", 0.5, 0.2), ("c", 0.1, 0.0)]));
        Assert.Null(RankingMetrics.NdcgAt(3, [("a", 0.9, 0.0)]));
    }
}
