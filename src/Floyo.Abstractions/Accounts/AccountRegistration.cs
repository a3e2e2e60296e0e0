namespace Floyo.Accounts;

/// <summary>A sign-up: the address (as typed, already valid), a display name and a password that passed the policy.</summary>
[GenerateSerializer, Immutable, Alias("floyo.AccountRegistration")]
public sealed record AccountRegistration(
    [property: Id(0)] string Email,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Password);
