namespace Floyo.Accounts;

/// <summary>
/// Which non-essential email a user receives: <see cref="ProductEmail"/> (welcome, tips) and
/// <see cref="InsightEmail"/> (first insight, insight news). Essential email (verification, password reset) is always sent.
/// </summary>
[GenerateSerializer, Immutable, Alias("floyo.EmailPreferences")]
public sealed record EmailPreferences(
    [property: Id(0)] bool ProductEmail,
    [property: Id(1)] bool InsightEmail)
{
    public static EmailPreferences Default { get; } = new(true, true);
}
