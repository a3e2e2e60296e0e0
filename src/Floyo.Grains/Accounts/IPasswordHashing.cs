namespace Floyo.Accounts;

/// <summary>The password hash function (the host supplies ASP.NET Core Identity's hasher).</summary>
public interface IPasswordHashing
{
    string Hash(string password);

    /// <summary>Whether <paramref name="password"/> matches; <see cref="PasswordMatch.Rehash"/> when the hash uses outdated parameters.</summary>
    PasswordMatch Verify(string hash, string password);
}

public enum PasswordMatch
{
    NoMatch,
    Match,
    Rehash,
}
