using System.Security.Cryptography;
using System.Text;

namespace Floyo.Accounts;

/// <summary>
/// Email link tokens: 256 random bits, base64url in the link; only the SHA-256 of a token is stored, and it is
/// compared in constant time.
/// </summary>
public static class OneTimeToken
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool Matches(string? storedHash, string? token) =>
        storedHash is not null && token is { Length: > 0 and <= 128 }
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(Hash(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
