using Floyo.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Floyo.Silo.Accounts;

/// <summary>ASP.NET Core Identity's password hasher (PBKDF2-HMAC-SHA512, 100,000 iterations, per-password salt).</summary>
public sealed class IdentityPasswordHashing : IPasswordHashing
{
    private static readonly PasswordHasher<IdentityPasswordHashing> Hasher = new();

    public string Hash(string password) => Hasher.HashPassword(this, password);

    public PasswordMatch Verify(string hash, string password) => Hasher.VerifyHashedPassword(this, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordMatch.Match,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordMatch.Rehash,
        _ => PasswordMatch.NoMatch,
    };
}
