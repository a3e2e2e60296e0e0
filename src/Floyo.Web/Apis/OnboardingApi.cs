using System.Security.Claims;
using Floyo.Onboarding;
using Floyo.Web.Auth;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Floyo.Web.Apis;

/// <summary><c>GET /api/v1/onboarding</c>: the caller's setup progress and activation milestones.</summary>
public static class OnboardingApi
{
    public static IEndpointRouteBuilder MapOnboardingApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/onboarding", GetAsync)
            .RequireAuthorization(FloyoAuthentication.ApiKeyPolicy)
            .WithTags("Account")
            .WithName("GetOnboarding")
            .WithSummary("Read the caller's setup progress and activation milestones")
            .WithDescription(
                "nextStep: welcome, privacy, setup, or null when done; steps: finished steps with time and whether " +
                "skipped; agentPrivacy: the path privacy chosen for floyo-agent; signedUpAt, completedAt, firstEventAt, " +
                "firstInsightAt: the activation milestones (UTC, null until reached).")
            .Produces<OnboardingProgress>();
        return endpoints;
    }

    private static async Task<Ok<OnboardingProgress>> GetAsync(ClaimsPrincipal user, OnboardingService onboarding) =>
        TypedResults.Ok(await onboarding.GetProgressAsync(user.GetUserId()));
}
