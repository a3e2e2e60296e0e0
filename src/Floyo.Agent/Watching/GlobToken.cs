namespace Floyo.Agent.Watching;

/// <summary>One step of a <see cref="GlobPattern"/>.</summary>
public readonly record struct GlobToken(GlobTokenKind Kind, char Literal = '\0', string Class = "", bool Negated = false)
{
    /// <summary>Whether this single-character token accepts <paramref name="c"/> (never '/' for wildcards and classes).</summary>
    public bool Accepts(char c, bool ignoreCase) => Kind switch
    {
        GlobTokenKind.Literal => ignoreCase ? char.ToLowerInvariant(c) == char.ToLowerInvariant(Literal) : c == Literal,
        GlobTokenKind.AnyChar => c != '/',
        GlobTokenKind.Class => c != '/' && InClass(ignoreCase ? char.ToLowerInvariant(c) : c, ignoreCase) != Negated,
        _ => false,
    };

    private bool InClass(char c, bool ignoreCase)
    {
        for (var i = 0; i < Class.Length; i++)
        {
            var low = Class[i];
            var high = low;
            if (i + 2 < Class.Length && Class[i + 1] == '-')
            {
                high = Class[i + 2];
                i += 2;
            }

            if (ignoreCase ? char.ToLowerInvariant(low) <= c && c <= char.ToLowerInvariant(high) : low <= c && c <= high)
            {
                return true;
            }
        }

        return false;
    }
}

public enum GlobTokenKind
{
    /// <summary>One given character.</summary>
    Literal,

    /// <summary><c>?</c>: one character other than '/'.</summary>
    AnyChar,

    /// <summary><c>[abc]</c>, <c>[a-z]</c>, <c>[!a-z]</c>: one character (other than '/') in or out of the class.</summary>
    Class,

    /// <summary><c>*</c>: any characters within one segment.</summary>
    Star,

    /// <summary><c>**</c> inside a segment or at the end: any characters, '/' included.</summary>
    AnyPath,

    /// <summary>
    /// <c>**/</c> at the start of a segment (zero or more whole segments) is this token, then <see cref="AnyPath"/>
    /// and a '/' literal: it matches nothing itself and lets the match go on either after it or after those two.
    /// </summary>
    SkipSegments,
}
