using Floyo.Patterns.Detectors;
using Floyo.SampleData;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Floyo.PatternBench;

/// <summary>
/// Compares the shipped robust-threshold unusual-day scorer with an ML.NET randomized-PCA anomaly detector trained,
/// for each scored day, on the user's own baseline days (the same up to 56 preceding active days and the same eight
/// features, robust-scaled against that baseline). Both produce a score per scorable day; each is judged at a range of
/// thresholds against the planted unusual days (<c>--unusual-ml</c>).
/// </summary>
internal sealed class UnusualDayComparison
{
    private static readonly double[] RobustThresholds = [3, 4, 5, 6, 8];
    private static readonly double[] PcaThresholds = [0.5, 0.7, 0.8, 0.9, 0.95, 0.99];
    private readonly MLContext ml = new(seed: 1);
    private readonly List<(double Robust, double Pca, bool Planted)> scored = [];

    public void Add(UserTruth truth, PatternDetectorsState state)
    {
        var days = state.Daily.Days.OrderBy(kv => kv.Key)
            .Select(kv => (Day: kv.Key, Features: UnusualDayScorer.Features(kv.Value,
                state.Focus.Days.TryGetValue(kv.Key, out var f) ? f.Seconds : 0)))
            .ToList();
        var planted = truth.UnusualDays.Select(d => d.Day.DayNumber).ToHashSet();
        for (var i = 7; i < days.Count; i++)
        {
            var baseline = days.Take(i).Where(d => d.Day >= days[i].Day - UnusualDayScorer.BaselineDays).Select(d => d.Features).ToList();
            var robust = UnusualDayScorer.Score(days[i].Features, baseline)[0].Deviation;
            scored.Add((robust, PcaScore(days[i].Features, baseline), planted.Contains(days[i].Day)));
        }
    }

    public void Print()
    {
        Console.WriteLine($"unusual days, {scored.Count} scorable days, {scored.Count(s => s.Planted)} planted:");
        foreach (var t in RobustThresholds)
        {
            Console.WriteLine($"  robust z >= {t,-4}: {Judge(s => s.Robust >= t)}");
        }

        foreach (var t in PcaThresholds)
        {
            Console.WriteLine($"  PCA score >= {t,-4}: {Judge(s => s.Pca >= t)}");
        }
    }

    private Confusion Judge(Func<(double Robust, double Pca, bool Planted), bool> flagged)
    {
        var tp = scored.Count(s => s.Planted && flagged(s));
        var fp = scored.Count(s => !s.Planted && flagged(s));
        var fn = scored.Count(s => s.Planted && !flagged(s));
        return new Confusion(tp, fp, fn, scored.Count(s => !s.Planted), fp) { ExpectedFound = tp };
    }

    /// <summary>Randomized PCA (rank 3) trained on the robust-scaled baseline; the day's reconstruction-error score.</summary>
    private double PcaScore(double[] day, List<double[]> baseline)
    {
        var scale = Enumerable.Range(0, day.Length).Select(f => Scale(baseline.Select(b => b[f]).ToList())).ToArray();
        FeatureRow Row(double[] x) => new() { Features = [.. x.Select((v, f) => (float)((v - scale[f].Median) / scale[f].Spread))] };
        var training = ml.Data.LoadFromEnumerable(baseline.Select(Row));
        var model = ml.AnomalyDetection.Trainers.RandomizedPca(rank: 3, ensureZeroMean: false).Fit(training);
        var scoredDay = model.Transform(ml.Data.LoadFromEnumerable([Row(day)]));
        return ml.Data.CreateEnumerable<ScoreRow>(scoredDay, reuseRowObject: false).Single().Score;
    }

    private static (double Median, double Spread) Scale(List<double> values)
    {
        values.Sort();
        var median = values[values.Count / 2];
        var deviations = values.Select(v => Math.Abs(v - median)).Order().ToList();
        return (median, Math.Max(1e-3, Math.Max(1.4826 * deviations[deviations.Count / 2], 0.15 * Math.Abs(median))));
    }

    private sealed class FeatureRow
    {
        [VectorType(8)]
        public float[] Features { get; set; } = [];
    }

    private sealed class ScoreRow
    {
        public float Score { get; set; }
    }
}
