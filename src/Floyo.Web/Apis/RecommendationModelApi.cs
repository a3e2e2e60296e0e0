using System.Globalization;
using Floyo.Insights;
using Floyo.Web.Auth;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Floyo.Web.Apis;

/// <summary>
/// <c>GET /api/v1/recommendations/model</c>: how recommendations are ranked (the learned model or the rule prior), the
/// model versions and their held-out evaluation, and acceptance rates per recommendation type. Aggregates over all
/// users only; any signed-in user may read it.
/// </summary>
public static class RecommendationModelApi
{
    public const int MaxVersions = 50;

    public static IEndpointRouteBuilder MapRecommendationModelApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/recommendations/model", GetAsync)
            .RequireAuthorization(FloyoAuthentication.ApiKeyPolicy)
            .WithTags("Insights")
            .WithName("GetRecommendationModel")
            .WithSummary("Read how recommendations are ranked")
            .WithDescription(
                "ranking: rules (catalogue priors) or model:N (learned model version N). shipped: the shipped version with its " +
                "held-out ROC AUC against the rule prior's on the same feedback. lastRun: the latest training (scarce, " +
                "notBetter or shipped). acceptanceRates: accepted / (accepted + dismissed) per type. versions: the most " +
                "recent stored versions, newest first (query versions = 0..50, default 5). No per-user data.")
            .Produces<RecommendationModelInfo>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return endpoints;
    }

    private static async Task<Results<Ok<RecommendationModelInfo>, ValidationProblem>> GetAsync(InsightService service, string? versions)
    {
        var count = 5;
        if (versions is not null && (!int.TryParse(versions, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count > MaxVersions))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["versions"] = [$"Must be a whole number from 0 to {MaxVersions}."] });
        }

        return TypedResults.Ok(await service.GetRankingModelAsync(count));
    }
}
