namespace Floyo.Users;

/// <summary>
/// The key → user lookup, one grain per key, keyed by <see cref="ApiKeyFormat.Hash"/> of the key. Only
/// <see cref="IUserGrain"/> claims and releases entries.
/// </summary>
[Alias("floyo.IApiKeyDirectoryGrain")]
public interface IApiKeyDirectoryGrain : IGrainWithStringKey
{
    /// <summary>
    /// The owner of the key, or null when the key is unknown or revoked. Records the use (persisted at most once a
    /// minute, so authenticating stays a memory read).
    /// </summary>
    [Alias("resolve")]
    Task<Guid?> ResolveAsync();

    /// <summary>When the key last authenticated (to the minute), or null when never.</summary>
    [Alias("last-used")]
    Task<DateTimeOffset?> GetLastUsedAsync();

    /// <summary>Binds the key to a user. True when bound to that user now; false when another user owns it.</summary>
    [Alias("claim")]
    Task<bool> ClaimAsync(Guid userId);

    /// <summary>Unbinds the key if it is bound to <paramref name="userId"/>; the entry's stored row is removed.</summary>
    [Alias("release")]
    Task ReleaseAsync(Guid userId);
}
