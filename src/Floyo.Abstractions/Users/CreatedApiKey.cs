namespace Floyo.Users;

/// <summary>A newly created key: the only moment the plaintext <see cref="Key"/> is available.</summary>
[GenerateSerializer, Immutable, Alias("floyo.CreatedApiKey")]
public sealed record CreatedApiKey(
    [property: Id(0)] string Key,
    [property: Id(1)] ApiKeyInfo Info);
