using System.Collections.Frozen;

namespace Floyo.Accounts;

/// <summary>
/// What a password must be: <see cref="MinLength"/>..<see cref="MaxLength"/> characters, not one of the common passwords
/// shipped in <c>common-passwords.txt</c> (case-insensitive), and not the account's email address or its local part.
/// Length is what makes a password strong; composition rules (a digit, a symbol) are deliberately absent (NIST 800-63B).
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;

    /// <summary>An upper bound keeps hashing cost bounded for hostile input.</summary>
    public const int MaxLength = 128;

    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommonPasswords);

    /// <summary>The number of common passwords refused.</summary>
    public static int CommonPasswordCount => Common.Value.Count;

    /// <summary>The reasons <paramref name="password"/> is refused; empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Check(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password))
        {
            return ["Choose a password."];
        }

        var errors = new List<string>();
        if (password.Length < MinLength)
        {
            errors.Add($"Use at least {MinLength} characters.");
        }

        if (password.Length > MaxLength)
        {
            errors.Add($"Use at most {MaxLength} characters.");
        }

        var lowered = password.ToLowerInvariant();
        if (Common.Value.Contains(lowered))
        {
            errors.Add("This password is too common; choose one that others are unlikely to use.");
        }

        if (email is { Length: > 0 } && (password.Equals(email, StringComparison.OrdinalIgnoreCase) || password.Equals(email.Split('@')[0], StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("Do not use your email address as your password.");
        }

        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <see cref="Check"/> finds a problem.</summary>
    public static void Require(string password, string email)
    {
        if (Check(password, email) is [var first, ..])
        {
            throw new ArgumentException(first, nameof(password));
        }
    }

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Floyo.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
