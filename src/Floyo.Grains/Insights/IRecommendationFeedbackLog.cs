namespace Floyo.Insights;

/// <summary>
/// Every accept and dismiss across users, with the features the user had at that moment: the training data of the
/// ranking model and the source of acceptance rates per recommendation type.
/// </summary>
public interface IRecommendationFeedbackLog
{
    Task AppendAsync(RecommendationFeedback feedback, CancellationToken cancellationToken = default);

    /// <summary>The most recent <paramref name="limit"/> entries, oldest first.</summary>
    Task<IReadOnlyList<RecommendationFeedback>> ReadRecentAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>The user's own entries, oldest first (export).</summary>
    Task<IReadOnlyList<RecommendationFeedback>> ReadUserAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the user's entries (account deletion).</summary>
    Task DeleteUserAsync(Guid userId, CancellationToken cancellationToken = default);
}

/// <summary>One accept (<paramref name="Accepted"/> true) or dismiss of a recommendation.</summary>
[GenerateSerializer, Immutable, Alias("floyo.RecommendationFeedback")]
public sealed record RecommendationFeedback(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string CatalogId,
    [property: Id(2)] bool Accepted,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] IReadOnlyDictionary<string, double> Features);
