using Floyo.Insights.Learning;

namespace Floyo.Silo.Insights;

/// <summary>The embedded default's model store: versions in memory (gone with the process, like every embedded store).</summary>
public sealed class InMemoryRecommendationModelStore : IRecommendationModelStore
{
    private readonly List<StoredModel> models = [];

    public Task SaveAsync(StoredModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        lock (models)
        {
            if (models.Any(m => m.Name == model.Name && m.Version == model.Version))
            {
                throw new InvalidOperationException($"Model {model.Name} version {model.Version} exists already.");
            }

            models.Add(model);
        }

        return Task.CompletedTask;
    }

    public Task<int> LatestVersionAsync(string name, CancellationToken cancellationToken = default)
    {
        lock (models)
        {
            return Task.FromResult(models.Where(m => m.Name == name).Select(m => m.Version).DefaultIfEmpty(0).Max());
        }
    }

    public Task<StoredModel?> LatestShippedAsync(string name, CancellationToken cancellationToken = default)
    {
        lock (models)
        {
            return Task.FromResult(models.Where(m => m.Name == name && m.Shipped).MaxBy(m => m.Version));
        }
    }

    public Task<IReadOnlyList<StoredModel>> ListAsync(string name, int limit, CancellationToken cancellationToken = default)
    {
        lock (models)
        {
            return Task.FromResult<IReadOnlyList<StoredModel>>(
                [.. models.Where(m => m.Name == name).OrderByDescending(m => m.Version).Take(limit).Select(m => m with { Bytes = [] })]);
        }
    }
}
