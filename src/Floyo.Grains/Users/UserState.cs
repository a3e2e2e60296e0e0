namespace Floyo.Users;

/// <summary>Persisted state of <see cref="UserGrain"/>.</summary>
[GenerateSerializer, Alias("floyo.UserState")]
public sealed class UserState
{
    [Id(0)] public bool Exists { get; set; }

    [Id(1)] public string DisplayName { get; set; } = "";

    [Id(2)] public DateTimeOffset CreatedAt { get; set; }

    [Id(3)] public List<ApiKeyRecord> ApiKeys { get; set; } = [];

    [Id(4)] public UserSettings? Settings { get; set; }

    [Id(6)] public PrivacyStatus? Privacy { get; set; }

    /// <summary>Content hashes of completed imports, oldest first.</summary>
    [Id(5)] public List<string> Imports { get; set; } = [];
}

/// <summary>One API key as stored: its hash, never the key.</summary>
[GenerateSerializer, Alias("floyo.ApiKeyRecord")]
public sealed class ApiKeyRecord
{
    [Id(0)] public Guid KeyId { get; set; }

    [Id(1)] public string Label { get; set; } = "";

    [Id(2)] public string Hash { get; set; } = "";

    [Id(3)] public string Hint { get; set; } = "";

    [Id(4)] public DateTimeOffset CreatedAt { get; set; }

    [Id(5)] public DateTimeOffset? RevokedAt { get; set; }

    public ApiKeyInfo ToInfo() => new(KeyId, Label, Hint, CreatedAt, RevokedAt);
}
