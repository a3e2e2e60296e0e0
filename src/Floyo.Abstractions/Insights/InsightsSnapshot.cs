namespace Floyo.Insights;

/// <summary>The user's insights as the dashboard shows them, highest score first.</summary>
/// <param name="UserId">The user.</param>
/// <param name="Checkpoint">The last event sequence the insights reflect.</param>
/// <param name="Insights">Every insight (open, accepted, dismissed, snoozed); UIs filter by status.</param>
/// <param name="Ranking">Which ranking ordered the recommendations: <c>rules</c> (catalogue priors) or
/// <c>model:N</c> (learned model version N).</param>
[GenerateSerializer, Immutable, Alias("floyo.InsightsSnapshot")]
public sealed record InsightsSnapshot(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] long Checkpoint,
    [property: Id(2)] IReadOnlyList<Insight> Insights,
    [property: Id(3)] string Ranking);
