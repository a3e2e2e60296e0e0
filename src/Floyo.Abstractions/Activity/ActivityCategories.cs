namespace Floyo.Activity;

/// <summary>
/// WakaTime's activity categories, the vocabulary every editor plugin sends. Stored and compared in lower case;
/// a missing category means <see cref="Coding"/>.
/// </summary>
public static class ActivityCategories
{
    public const string Coding = "coding";

    public static IReadOnlyList<string> All { get; } =
    [
        Coding, "building", "indexing", "debugging", "browsing", "running tests", "writing tests", "manual testing",
        "writing docs", "communicating", "code reviewing", "researching", "learning", "designing", "ai coding",
        "meeting", "planning", "supporting", "translating", "advising", "other",
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>The canonical (lower-case) category, or null when <paramref name="value"/> is not one.</summary>
    public static string? Normalize(string? value)
    {
        if (value is null)
        {
            return Coding;
        }

        var lower = value.Trim().ToLowerInvariant();
        return Known.Contains(lower) ? lower : null;
    }
}
