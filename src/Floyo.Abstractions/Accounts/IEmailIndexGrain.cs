namespace Floyo.Accounts;

/// <summary>
/// The email → user index, one grain per normalized address (<see cref="EmailAddress.Normalize"/>). A grain processes
/// one call at a time, so <see cref="ClaimAsync"/> gives an address to exactly one user.
/// </summary>
[Alias("floyo.IEmailIndexGrain")]
public interface IEmailIndexGrain : IGrainWithStringKey
{
    /// <summary>The owner of the address, or null.</summary>
    [Alias("resolve")]
    Task<Guid?> ResolveAsync();

    /// <summary>Binds the address to <paramref name="userId"/>. True when it is that user's now; false when another user owns it.</summary>
    [Alias("claim")]
    Task<bool> ClaimAsync(Guid userId);

    /// <summary>Unbinds the address if <paramref name="userId"/> owns it.</summary>
    [Alias("release")]
    Task ReleaseAsync(Guid userId);
}
