namespace Floyo.Accounts;

/// <summary>What the account page shows: the address, whether it is verified, and the email preferences.</summary>
[GenerateSerializer, Immutable, Alias("floyo.AccountSummary")]
public sealed record AccountSummary(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Email,
    [property: Id(2)] bool EmailVerified,
    [property: Id(3)] EmailPreferences EmailPreferences,
    [property: Id(4)] DateTimeOffset CreatedAt);
