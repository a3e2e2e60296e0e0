using System.Security.Claims;
using Floyo.Users;
using Floyo.Web.Auth;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Floyo.Web.Apis;

/// <summary><c>/api/v1/keys</c>: the caller's API keys: list (with last use), create (the key is in that answer only), revoke.</summary>
public static class KeysApi
{
    public const int MaxLabelLength = 60;

    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder endpoints)
    {
        var keys = endpoints.MapGroup("/api/v1/keys").RequireAuthorization(FloyoAuthentication.ApiKeyPolicy).WithTags("API keys");
        keys.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("List the caller's API keys, newest first, revoked ones included");
        keys.MapPost("/", CreateAsync).WithName("CreateApiKey").WithSummary("Create an API key")
            .WithDescription($"Body: {{\"label\": \"laptop\"}} (1–{MaxLabelLength} characters). The answer holds the key; it is never shown again.")
            .ProducesValidationProblem();
        keys.MapDelete("/{keyId:guid}", RevokeAsync).WithName("RevokeApiKey").WithSummary("Revoke an API key: it stops working at once")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<Ok<ApiKeyBody[]>> ListAsync(ClaimsPrincipal user, AccountService accounts) =>
        TypedResults.Ok((await accounts.ListApiKeysAsync(user.GetUserId())).Select(ApiKeyBody.From).ToArray());

    private static async Task<Results<Created<CreatedKeyBody>, ValidationProblem>> CreateAsync(ClaimsPrincipal user, AccountService accounts, CreateKeyBody body)
    {
        if (ApiKeyLabel.Check(body.Label) is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["label"] = [error] });
        }

        var created = await accounts.CreateApiKeyAsync(user.GetUserId(), body.Label!.Trim());
        return TypedResults.Created($"/api/v1/keys/{created.Info.KeyId:D}", new CreatedKeyBody(created.Key, ApiKeyBody.From(created.Info)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(ClaimsPrincipal user, AccountService accounts, Guid keyId) =>
        await accounts.RevokeApiKeyAsync(user.GetUserId(), keyId)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API key", detail: "You have no API key with this id.");

    public sealed record CreateKeyBody(string? Label);

    /// <summary>A key as listed: never the key itself, only a hint of its last characters.</summary>
    public sealed record ApiKeyBody(Guid Id, string Label, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
    {
        public static ApiKeyBody From(ApiKeyInfo info) => new(info.KeyId, info.Label, info.Hint, info.CreatedAt, info.LastUsedAt, info.RevokedAt);
    }

    /// <summary>A new key: <see cref="Key"/> is shown this once.</summary>
    public sealed record CreatedKeyBody(string Key, ApiKeyBody Info);
}

/// <summary>What a key's label may be: 1–60 characters after trimming, no control characters.</summary>
public static class ApiKeyLabel
{
    /// <summary>The reason <paramref name="label"/> is refused, or null when it is fine.</summary>
    public static string? Check(string? label) =>
        string.IsNullOrWhiteSpace(label) || label.Trim().Length > KeysApi.MaxLabelLength || label.Any(char.IsControl)
            ? $"Give the key a label of 1 to {KeysApi.MaxLabelLength} characters without control characters."
            : null;
}
