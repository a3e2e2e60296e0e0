using System.Text.Json;
using Floyo.Insights.Learning;
using Npgsql;
using NpgsqlTypes;

namespace Floyo.Silo.Insights;

/// <summary>Ranking models in <c>floyo_recommendation_models</c> (migration 0028).</summary>
public sealed class PostgresRecommendationModelStore(NpgsqlDataSource dataSource) : IRecommendationModelStore
{
    public async Task SaveAsync(StoredModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        await using var command = dataSource.CreateCommand(
            "INSERT INTO floyo_recommendation_models (name, version, created_at, training_examples, metrics, model, shipped) " +
            "VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)");
        command.Parameters.Add(new() { Value = model.Name });
        command.Parameters.Add(new() { Value = model.Version });
        command.Parameters.Add(new() { Value = model.CreatedAt.ToUniversalTime() });
        command.Parameters.Add(new() { Value = model.TrainingExamples });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(model.Metrics, ModelJson.Default.ModelMetrics), NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = model.Bytes });
        command.Parameters.Add(new() { Value = model.Shipped });
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidOperationException($"Model {model.Name} version {model.Version} exists already.", e);
        }
    }

    public async Task<int> LatestVersionAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT coalesce(max(version), 0) FROM floyo_recommendation_models WHERE name = $1");
        command.Parameters.Add(new() { Value = name });
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<StoredModel?> LatestShippedAsync(string name, CancellationToken cancellationToken = default) =>
        (await QueryAsync(
            "SELECT name, version, created_at, training_examples, metrics::text, model, shipped FROM floyo_recommendation_models " +
            "WHERE name = $1 AND shipped ORDER BY version DESC LIMIT 1", cancellationToken, name)).SingleOrDefault();

    public Task<IReadOnlyList<StoredModel>> ListAsync(string name, int limit, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT name, version, created_at, training_examples, metrics::text, NULL, shipped FROM floyo_recommendation_models " +
            "WHERE name = $1 ORDER BY version DESC LIMIT $2", cancellationToken, name, limit);

    private async Task<IReadOnlyList<StoredModel>> QueryAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new() { Value = parameter });
        }

        var models = new List<StoredModel>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            models.Add(new StoredModel(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetInt32(3),
                JsonSerializer.Deserialize(reader.GetString(4), ModelJson.Default.ModelMetrics)!,
                reader.IsDBNull(5) ? [] : reader.GetFieldValue<byte[]>(5),
                reader.GetBoolean(6)));
        }

        return models;
    }
}
