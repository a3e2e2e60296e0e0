using Floyo.Insights;
using Floyo.Time.Rollups;
using Microsoft.Extensions.DependencyInjection;

namespace Floyo.Privacy;

/// <summary>Registration of <see cref="IUserDataStore"/>s, and the ones for Floyo's own stores outside grain state.</summary>
public static class UserDataStores
{
    public static IServiceCollection AddUserDataStore<T>(this IServiceCollection services)
        where T : class, IUserDataStore =>
        services.AddSingleton<IUserDataStore, T>();

    /// <summary>The day rollups and the recommendation feedback log.</summary>
    public static IServiceCollection AddFloyoUserDataStores(this IServiceCollection services) =>
        services.AddUserDataStore<DayRollupData>().AddUserDataStore<RecommendationFeedbackData>();

    /// <summary>
    /// Rollups are per local day; a day is dropped once it lies wholly before the cutoff in every time zone (UTC−12 to
    /// UTC+14), so a partly purged day keeps its rollup for at most two days more.
    /// </summary>
    private sealed class DayRollupData(IDayRollupStore rollups) : IUserDataStore
    {
        public Task EraseUserAsync(Guid userId, CancellationToken cancellationToken = default) => rollups.DeleteUserAsync(userId, cancellationToken);

        public Task PurgeBeforeAsync(Guid userId, DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
            rollups.DeleteBeforeAsync(userId, DateOnly.FromDateTime(cutoff.UtcDateTime).AddDays(-1), cancellationToken);
    }

    /// <summary>Feedback is the user's own choice, not activity: it stays until the account goes.</summary>
    private sealed class RecommendationFeedbackData(IRecommendationFeedbackLog feedback) : IUserDataStore
    {
        public Task EraseUserAsync(Guid userId, CancellationToken cancellationToken = default) => feedback.DeleteUserAsync(userId, cancellationToken);

        public Task PurgeBeforeAsync(Guid userId, DateTimeOffset cutoff, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
