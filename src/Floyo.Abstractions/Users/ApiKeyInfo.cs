namespace Floyo.Users;

/// <summary>
/// What a user may see about one of their API keys (never the key itself). <see cref="LastUsedAt"/> is recorded at most
/// once a minute, so it may lag by that much.
/// </summary>
[GenerateSerializer, Immutable, Alias("floyo.ApiKeyInfo")]
public sealed record ApiKeyInfo(
    [property: Id(0)] Guid KeyId,
    [property: Id(1)] string Label,
    [property: Id(2)] string Hint,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset? RevokedAt,
    [property: Id(5)] DateTimeOffset? LastUsedAt = null);
