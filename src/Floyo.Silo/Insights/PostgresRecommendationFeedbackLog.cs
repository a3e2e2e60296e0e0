using System.Text.Json;
using Floyo.Insights;
using Npgsql;
using NpgsqlTypes;

namespace Floyo.Silo.Insights;

/// <summary>Recommendation feedback in <c>floyo_recommendation_feedback</c> (migration 0026).</summary>
public sealed class PostgresRecommendationFeedbackLog(NpgsqlDataSource dataSource) : IRecommendationFeedbackLog
{
    private const string Columns = "user_id, catalog_id, accepted, at, features::text";

    public async Task AppendAsync(RecommendationFeedback feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        await using var command = dataSource.CreateCommand(
            "INSERT INTO floyo_recommendation_feedback (user_id, catalog_id, accepted, at, features) VALUES ($1, $2, $3, $4, $5::jsonb)");
        command.Parameters.Add(new() { Value = feedback.UserId });
        command.Parameters.Add(new() { Value = feedback.CatalogId });
        command.Parameters.Add(new() { Value = feedback.Accepted });
        command.Parameters.Add(new() { Value = feedback.At.ToUniversalTime() });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(feedback.Features, FeedbackJson.Default.IReadOnlyDictionaryStringDouble), NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<IReadOnlyList<RecommendationFeedback>> ReadRecentAsync(int limit, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT * FROM (SELECT id, {Columns} FROM floyo_recommendation_feedback ORDER BY id DESC LIMIT $1) AS recent ORDER BY id", limit, cancellationToken);

    public Task<IReadOnlyList<RecommendationFeedback>> ReadUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT id, {Columns} FROM floyo_recommendation_feedback WHERE user_id = $1 ORDER BY id", userId, cancellationToken);

    public async Task DeleteUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM floyo_recommendation_feedback WHERE user_id = $1");
        command.Parameters.Add(new() { Value = userId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<RecommendationFeedback>> QueryAsync(string sql, object parameter, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new() { Value = parameter });
        var entries = new List<RecommendationFeedback>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new RecommendationFeedback(
                reader.GetGuid(1),
                reader.GetString(2),
                reader.GetBoolean(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                JsonSerializer.Deserialize(reader.GetString(5), FeedbackJson.Default.IReadOnlyDictionaryStringDouble) ?? new Dictionary<string, double>()));
        }

        return entries;
    }
}
