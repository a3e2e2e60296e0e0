using Floyo.Insights;

namespace Floyo.SampleData;

/// <summary>
/// Small feedback logs with a known answer, for tests of training, shipping and ranking: users whose test share is
/// 0, 0.1, … 0.9 (by index) answer four recommendation types. They accept the test watcher exactly when their test
/// share is at least 0.5 and focus blocks exactly when it is below 0.3, and dismiss everything else.
/// </summary>
public static class FeedbackSamples
{
    public static readonly IReadOnlyList<string> Types =
        [RecommendationCatalog.TestWatcher, RecommendationCatalog.Formatter, RecommendationCatalog.FocusBlocks, RecommendationCatalog.BuildCache];

    /// <summary>The features of user <paramref name="index"/>.</summary>
    public static Dictionary<string, double> Features(int index) =>
        UserFeatures.Names.ToDictionary(name => name, name => name == UserFeatures.TestShare ? index % 10 / 10.0 : 0.0, StringComparer.Ordinal);

    /// <summary>Whether user <paramref name="index"/> accepts <paramref name="type"/>.</summary>
    public static bool Accepts(int index, string type) =>
        (type == RecommendationCatalog.TestWatcher && index % 10 >= 5) || (type == RecommendationCatalog.FocusBlocks && index % 10 < 3);

    /// <summary>
    /// One answer per user and type. With <paramref name="priorKnowsBest"/> false the rule prior is the catalogue prior
    /// (blind to the test share, so a model learns to beat it); with true the prior already separates accepts (0.9) from
    /// dismisses (0.1) perfectly, so no model can beat it.
    /// </summary>
    public static IEnumerable<RecommendationFeedback> Generate(int users, int seed, DateTimeOffset at, bool priorKnowsBest = false) =>
        Enumerable.Range(0, users).SelectMany(index => Types.Select(type =>
        {
            var accepted = Accepts(index, type);
            return new RecommendationFeedback(
                RankingEvaluator.UserId(seed, index), type, accepted, at, Features(index),
                priorKnowsBest ? (accepted ? 0.9 : 0.1) : RecommendationCatalog.Get(type).Prior);
        }));
}
