using Floyo.Insights;

namespace Floyo.Silo.Insights;

/// <summary>The embedded default's feedback log: a list in memory.</summary>
public sealed class InMemoryRecommendationFeedbackLog : IRecommendationFeedbackLog
{
    private readonly List<RecommendationFeedback> entries = [];

    public Task AppendAsync(RecommendationFeedback feedback, CancellationToken cancellationToken = default)
    {
        lock (entries)
        {
            entries.Add(feedback);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RecommendationFeedback>> ReadRecentAsync(int limit, CancellationToken cancellationToken = default)
    {
        lock (entries)
        {
            return Task.FromResult<IReadOnlyList<RecommendationFeedback>>([.. entries.Skip(Math.Max(0, entries.Count - limit))]);
        }
    }

    public Task<IReadOnlyList<RecommendationFeedback>> ReadUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        lock (entries)
        {
            return Task.FromResult<IReadOnlyList<RecommendationFeedback>>([.. entries.Where(e => e.UserId == userId)]);
        }
    }

    public Task DeleteUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        lock (entries)
        {
            entries.RemoveAll(e => e.UserId == userId);
        }

        return Task.CompletedTask;
    }
}
