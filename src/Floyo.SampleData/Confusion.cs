namespace Floyo.SampleData;

/// <summary>
/// Counts of one pattern kind's evaluation: true positives (reported and planted), false positives (reported, not
/// planted), false negatives (expected but not reported), and the negatives used for the false-positive rate with how
/// many of them were wrongly reported.
/// </summary>
public sealed record Confusion(int TruePositives, int FalsePositives, int FalseNegatives, int Negatives, int FalselyFlaggedNegatives)
{
    public static Confusion Zero { get; } = new(0, 0, 0, 0, 0);

    /// <summary>TP / (TP + FP); 1 when nothing was reported.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Expected items found / expected items; 1 when nothing was expected.</summary>
    public double Recall => ExpectedFound + FalseNegatives == 0 ? 1 : (double)ExpectedFound / (ExpectedFound + FalseNegatives);

    /// <summary>Falsely flagged negatives / negatives; 0 when there were none.</summary>
    public double FalsePositiveRate => Negatives == 0 ? 0 : (double)FalselyFlaggedNegatives / Negatives;

    /// <summary>Expected items that were found (a found item planted too rarely to be expected is a TP but not counted here).</summary>
    public int ExpectedFound { get; init; }

    public static Confusion operator +(Confusion a, Confusion b) => new(
        a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives,
        a.Negatives + b.Negatives, a.FalselyFlaggedNegatives + b.FalselyFlaggedNegatives)
    { ExpectedFound = a.ExpectedFound + b.ExpectedFound };

    public override string ToString() =>
        $"precision {Precision:0.000} ({TruePositives}/{TruePositives + FalsePositives}), recall {Recall:0.000} ({ExpectedFound}/{ExpectedFound + FalseNegatives}), " +
        $"FPR {FalsePositiveRate:0.0000} ({FalselyFlaggedNegatives}/{Negatives})";
}
