namespace Floyo.Users;

/// <summary>
/// Whether Floyo may collect the user's activity: only after consent to a version of the privacy policy, and never
/// while the user has paused tracking.
/// </summary>
[GenerateSerializer, Immutable, Alias("floyo.PrivacyStatus")]
public sealed record PrivacyStatus(
    [property: Id(0)] DateTimeOffset? ConsentedAt,
    [property: Id(1)] string? PolicyVersion,
    [property: Id(2)] DateTimeOffset? PausedAt)
{
    public static PrivacyStatus None { get; } = new(null, null, null);

    public bool Consented => ConsentedAt is not null;

    public bool Paused => PausedAt is not null;

    public bool CollectionAllowed => Consented && !Paused;
}
