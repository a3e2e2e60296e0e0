namespace Floyo.Accounts;

/// <summary>Kinds of non-essential email; each maps to an <see cref="EmailPreferences"/> switch.</summary>
[GenerateSerializer, Alias("floyo.NotificationKind")]
public enum NotificationKind
{
    /// <summary>The user's first insight is ready (<see cref="EmailPreferences.InsightEmail"/>).</summary>
    FirstInsight,
}

/// <summary>A non-essential email to a user: its kind, a one-line headline and a short plain-text detail.</summary>
[GenerateSerializer, Immutable, Alias("floyo.NotificationEmail")]
public sealed record NotificationEmail(
    [property: Id(0)] NotificationKind Kind,
    [property: Id(1)] string Headline,
    [property: Id(2)] string Detail);
