namespace Floyo.Users;

/// <summary>The privacy policy users consent to; a new version means asking again.</summary>
public static class PrivacyPolicy
{
    public const string CurrentVersion = "2026-11-26";
}
