using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Floyo.Users;

/// <summary>
/// API keys use WakaTime's format so every WakaTime client accepts them: a lowercase UUID v4, optionally prefixed
/// <c>waka_</c>. The prefix is not part of the secret: both spellings of a key authenticate the same user. Keys are
/// never stored; only <see cref="Hash"/> is.
/// </summary>
public static partial class ApiKeyFormat
{
    /// <summary>The optional prefix WakaTime clients accept.</summary>
    public const string Prefix = "waka_";

    /// <summary>Creates a new random key (122 random bits), with the prefix.</summary>
    public static string NewKey() => Prefix + Guid.NewGuid().ToString("D");

    /// <summary>True when <paramref name="key"/> has the WakaTime API key format.</summary>
    public static bool IsWellFormed(string? key) => key is not null && KeyPattern().IsMatch(key);

    /// <summary>
    /// The stored form of a well-formed key: lowercase hex SHA-256 of the key without its prefix. A fast hash is right
    /// here because keys carry 122 random bits; a slow password hash would add latency to every request and no safety.
    /// </summary>
    public static string Hash(string key)
    {
        if (!IsWellFormed(key))
        {
            throw new ArgumentException("Not a well-formed API key.", nameof(key));
        }

        var secret = key.StartsWith(Prefix, StringComparison.Ordinal) ? key[Prefix.Length..] : key;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));
    }

    /// <summary>A short, non-secret hint shown in key lists (the last four characters).</summary>
    public static string Hint(string key) => "…" + key[^4..];

    [GeneratedRegex("^(waka_)?[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
