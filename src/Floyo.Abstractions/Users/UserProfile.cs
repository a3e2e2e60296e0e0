namespace Floyo.Users;

/// <summary>A user's public profile.</summary>
[GenerateSerializer, Immutable, Alias("floyo.UserProfile")]
public sealed record UserProfile(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] DateTimeOffset CreatedAt)
{
    /// <summary>The longest display name accepted.</summary>
    public const int MaxDisplayNameLength = 100;
}
