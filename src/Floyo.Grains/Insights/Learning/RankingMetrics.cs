namespace Floyo.Insights.Learning;

/// <summary>How well scores order outcomes.</summary>
public static class RankingMetrics
{
    /// <summary>
    /// ROC AUC: the chance that a random accepted example scores above a random dismissed one (ties count half),
    /// computed from average ranks (Mann–Whitney U). Null when either class is missing.
    /// </summary>
    public static double? Auc(IEnumerable<(double Score, bool Positive)> scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var sorted = scored.OrderBy(s => s.Score).ToList();
        var positives = sorted.Count(s => s.Positive);
        var negatives = sorted.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        double positiveRankSum = 0;
        for (var start = 0; start < sorted.Count;)
        {
            var end = start;
            while (end + 1 < sorted.Count && sorted[end + 1].Score == sorted[start].Score)
            {
                end++;
            }

            var averageRank = ((start + end) / 2.0) + 1;
            for (var i = start; i <= end; i++)
            {
                if (sorted[i].Positive)
                {
                    positiveRankSum += averageRank;
                }
            }

            start = end + 1;
        }

        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>
    /// NDCG@k of one list: items ordered by score (highest first, ties by key, ordinal), DCG = Σ relevance ÷ log2(rank + 1)
    /// over the first k, divided by the DCG of the ideal order (by relevance). Null when every relevance is 0.
    /// </summary>
    public static double? NdcgAt(int k, IEnumerable<(string Key, double Score, double Relevance)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.ToList();
        var ideal = Dcg(k, list.OrderByDescending(i => i.Relevance).Select(i => i.Relevance));
        return ideal <= 0
            ? null
            : Dcg(k, list.OrderByDescending(i => i.Score).ThenBy(i => i.Key, StringComparer.Ordinal).Select(i => i.Relevance)) / ideal;
    }

    private static double Dcg(int k, IEnumerable<double> relevances) =>
        relevances.Take(k).Select((relevance, index) => relevance / Math.Log2(index + 2)).Sum();
}
