namespace Floyo.Privacy;

/// <summary>
/// The receipt of a deleted account. The only thing Floyo keeps: an opaque, random <paramref name="Receipt"/> (not
/// derived from the user id or email) and the time, so the deletion itself can be shown to have happened.
/// </summary>
[GenerateSerializer, Immutable, Alias("floyo.AccountDeletion")]
public sealed record AccountDeletion(
    [property: Id(0)] Guid Receipt,
    [property: Id(1)] DateTimeOffset DeletedAt);
