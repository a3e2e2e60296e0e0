using System.Net.Mail;

namespace Floyo.Accounts;

/// <summary>Email address rules: what Floyo accepts, and the one normalized form used as the index key.</summary>
public static class EmailAddress
{
    /// <summary>The longest address accepted (RFC 5321 path limit).</summary>
    public const int MaxLength = 254;

    /// <summary>True for a plain address (<c>local@domain.tld</c>) without a display name.</summary>
    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > MaxLength || email.Trim() != email)
        {
            return false;
        }

        return MailAddress.TryCreate(email, out var parsed)
            && parsed.Address == email
            && parsed.Host.Contains('.', StringComparison.Ordinal)
            && !email.Any(char.IsControl);
    }

    /// <summary>Trimmed and lower-cased (invariant): <c>Ann@Example.COM</c> and <c>ann@example.com</c> are one account.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
