using Floyo.Web.Auth;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Floyo.Web.Apis;

/// <summary><c>POST /api/v1/sample-data</c>: loads a realistic 14-day sample into the caller's history.</summary>
public static class SampleDataApi
{
    public static IEndpointRouteBuilder MapSampleDataApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/sample-data", LoadAsync)
            .RequireAuthorization(FloyoAuthentication.ApiKeyPolicy)
            .WithTags("Sample data")
            .WithName("LoadSampleData")
            .WithSummary("Load sample data")
            .WithDescription(
                $"Generates {SampleDataService.Days} days of realistic activity (about {SampleDataService.EventsPerDay} events a working day) " +
                "ending yesterday and stores it for the caller through the ingest path, so the dashboard, patterns and insights have " +
                "something to show. Idempotent: a second call stores nothing and answers alreadyLoaded. 403 before the caller consented.")
            .Produces<SampleDataResult>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static async Task<Ok<SampleDataResult>> LoadAsync(HttpContext http, SampleDataService samples) =>
        TypedResults.Ok(await samples.LoadAsync(http.User.GetUserId()));
}
