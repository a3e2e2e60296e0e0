using System.Security.Cryptography;
using Floyo.Insights;
using Floyo.Insights.Learning;
using Floyo.Patterns.Detectors;

namespace Floyo.SampleData;

/// <summary>
/// Evaluates the learned recommendation ranking against the rule prior on generated users (definitions also in
/// docs/BENCHMARKS.md):
/// <list type="bullet">
/// <item>Each user's events run through the real pattern detectors (in the persona's time zone); the final report goes
/// through <see cref="InsightGenerator"/>, giving the user's recommendations with their rule prior scores and the
/// user's real features.</item>
/// <item>Every recommendation is shown <see cref="RankingEvaluationOptions.Impressions"/> times; each showing is
/// accepted or dismissed by <see cref="FeedbackSimulator"/> from the user's hidden preference.</item>
/// <item>Users <c>0 .. TrainingUsers-1</c> are the training users: their feedback goes through
/// <see cref="RankingTrainer.Train"/> exactly as the model grain would (including its own held-out split and ship
/// decision). The remaining users are held out and only evaluated.</item>
/// <item>AUC: ROC AUC over the held-out users' simulated showings (accept = positive), pooled, for the model's scores
/// and for the rule prior scores. NDCG@3: per held-out user with at least two recommendations, the recommendations in
/// score order with graded relevance = the user's hidden acceptance probability for the type; averaged over users.
/// The "oracle" scores by the hidden preference itself (the best any ranking can do).</item>
/// </list>
/// </summary>
public static class RankingEvaluator
{
    /// <summary>One generated user's recommendations as the insights engine produced them.</summary>
    public sealed record UserRecommendations(int Index, Guid UserId, IReadOnlyList<Insight> Recommendations, IReadOnlyDictionary<string, double> Features);

    /// <summary>
    /// Runs the evaluation. With <paramref name="alternative"/> (a trainer returning a scorer of type and features), the
    /// held-out figures are those of the alternative trained on every training user, for comparing model choices; the
    /// ship decision is still the product trainer's.
    /// </summary>
    public static RankingEvaluation Evaluate(
        RankingEvaluationOptions options,
        Func<IReadOnlyList<RankingExample>, Func<string, IReadOnlyDictionary<string, double>, double>>? alternative = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var truths = new List<UserTruth>();
        var users = new List<UserRecommendations>();
        for (var index = 0; index < options.Data.Users; index++)
        {
            var sample = SampleGenerator.GenerateUser(options.Data, index);
            truths.Add(sample.Truth);
            users.Add(Recommend(sample, UserId(options.Data.Seed, index)));
        }

        var truth = new GroundTruth(options.Data, truths);
        var simulator = new FeedbackSimulator(truth);
        var training = users.Take(options.TrainingUsers).SelectMany(u => Feedback(u, simulator, options.Impressions)).ToList();
        var heldOutUsers = users.Skip(options.TrainingUsers).ToList();
        var heldOut = heldOutUsers.SelectMany(u => Feedback(u, simulator, options.Impressions)).ToList();

        var run = RankingTrainer.Train(training, options.Ranking);
        // The model the grain would ship (trained on the training users outside the trainer's own held-out split); when
        // feedback was too scarce for the trainer, one trained on every training user, to show what it would have done.
        var model = alternative?.Invoke(training) ?? (run.Model ?? RankingModel.Train(training)).Score;
        var indexes = users.ToDictionary(u => u.UserId, u => u.Index);
        double Preference(RankingExample e) => truth.Users[indexes[e.UserId]].Preferences.GetValueOrDefault(e.CatalogId, 0.2);

        var ndcg = heldOutUsers.Where(u => u.Recommendations.Count >= 2).Select(u =>
        {
            var preferences = truth.Users[u.Index].Preferences;
            var items = u.Recommendations.Select(r => (Key: r.Id, Model: model(r.Type, u.Features), Prior: r.Score, Relevance: preferences.GetValueOrDefault(r.Type, 0.2))).ToList();
            return (
                Model: RankingMetrics.NdcgAt(3, items.Select(i => (i.Key, i.Model, i.Relevance))) ?? 0,
                Prior: RankingMetrics.NdcgAt(3, items.Select(i => (i.Key, i.Prior, i.Relevance))) ?? 0,
                Oracle: RankingMetrics.NdcgAt(3, items.Select(i => (i.Key, i.Relevance, i.Relevance))) ?? 0);
        }).ToList();

        return new RankingEvaluation(
            options.TrainingUsers, heldOutUsers.Count, training.Count, heldOut.Count,
            users.Sum(u => u.Recommendations.Count) / (double)Math.Max(1, users.Count),
            run,
            RankingMetrics.Auc(heldOut.Select(e => (model(e.CatalogId, e.Features), e.Accepted))) ?? 0.5,
            RankingMetrics.Auc(heldOut.Select(e => (e.Prior, e.Accepted))) ?? 0.5,
            RankingMetrics.Auc(heldOut.Select(e => (Preference(e), e.Accepted))) ?? 0.5,
            ndcg.Count,
            ndcg.Select(n => n.Model).DefaultIfEmpty(0).Average(),
            ndcg.Select(n => n.Prior).DefaultIfEmpty(0).Average(),
            ndcg.Select(n => n.Oracle).DefaultIfEmpty(0).Average());
    }

    /// <summary>Runs the detectors and the insight rules on one generated user.</summary>
    public static UserRecommendations Recommend(SampleGenerator.UserSample sample, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var persona = sample.Truth.Persona;
        var days = new LocalDays(TimeZoneInfo.CreateCustomTimeZone(persona.Name, TimeSpan.FromHours(persona.UtcOffsetHours), persona.Name, persona.Name));
        var report = PatternReplay.Run(userId, sample.Events, new PatternOptions(), days).Final;
        var generated = InsightGenerator.Generate(report);
        return new UserRecommendations(sample.Truth.Index, userId, [.. generated.Insights.Where(i => i.IsRecommendation)], generated.Features);
    }

    /// <summary>Every showing of every recommendation of <paramref name="user"/>, accepted or dismissed by the simulator.</summary>
    public static IEnumerable<RankingExample> Feedback(UserRecommendations user, FeedbackSimulator simulator, int impressions)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(simulator);
        return user.Recommendations.SelectMany(r => Enumerable.Range(0, impressions).Select(i =>
            new RankingExample(user.UserId, r.Type, user.Features, r.Score, simulator.Accepts(user.Index, r.Type, i))));
    }

    /// <summary>A stable, random-looking user id for generated user <paramref name="index"/>.</summary>
    public static Guid UserId(int seed, int index) =>
        new(SHA256.HashData(BitConverter.GetBytes(((long)seed << 32) | (uint)index)).AsSpan(0, 16));
}

/// <summary>What to evaluate on.</summary>
/// <param name="Data">The generated users.</param>
/// <param name="TrainingUsers">Users 0..TrainingUsers-1 train; the rest are held out.</param>
/// <param name="Impressions">Showings simulated per recommendation.</param>
/// <param name="Ranking">The trainer's settings (minimum feedback, its own held-out share, AUC margin).</param>
public sealed record RankingEvaluationOptions(SampleDataOptions Data, int TrainingUsers, int Impressions, RankingOptions Ranking);

/// <summary>The evaluation's figures (see <see cref="RankingEvaluator"/> for definitions).</summary>
public sealed record RankingEvaluation(
    int TrainingUsers,
    int HeldOutUsers,
    int TrainingExamples,
    int HeldOutExamples,
    double RecommendationsPerUser,
    TrainingResult ShipDecision,
    double ModelAuc,
    double PriorAuc,
    double OracleAuc,
    int NdcgUsers,
    double ModelNdcg3,
    double PriorNdcg3,
    double OracleNdcg3)
{
    public override string ToString() =>
        $"training users {TrainingUsers} ({TrainingExamples} showings), held-out users {HeldOutUsers} ({HeldOutExamples} showings), {RecommendationsPerUser:0.0} recommendations per user\n" +
        $"ship decision on the training users' own held-out split: model AUC {ShipDecision.ModelAuc:0.000} vs prior {ShipDecision.PriorAuc:0.000} on {ShipDecision.HeldOutExamples} showings -> {(ShipDecision.Model is null ? "scarce (no model)" : ShipDecision.BeatsPrior ? "ships" : "not shipped")}\n" +
        $"held-out users: AUC model {ModelAuc:0.000}, prior {PriorAuc:0.000}, oracle {OracleAuc:0.000}\n" +
        $"held-out users: NDCG@3 model {ModelNdcg3:0.000}, prior {PriorNdcg3:0.000}, oracle {OracleNdcg3:0.000} (over {NdcgUsers} users with 2+ recommendations)";
}
