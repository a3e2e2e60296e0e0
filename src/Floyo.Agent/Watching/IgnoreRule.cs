namespace Floyo.Agent.Watching;

/// <summary>
/// One .gitignore-style line: <c>!</c> negates, a trailing <c>/</c> matches directories only, a pattern with a
/// <c>/</c> before its end is anchored to the folder of its file, any other pattern matches a name at any depth.
/// </summary>
public sealed class IgnoreRule
{
    private readonly GlobPattern glob;

    private IgnoreRule(GlobPattern glob, bool negated, bool directoryOnly, bool anchored)
    {
        this.glob = glob;
        Negated = negated;
        DirectoryOnly = directoryOnly;
        Anchored = anchored;
    }

    public bool Negated { get; }

    public bool DirectoryOnly { get; }

    public bool Anchored { get; }

    /// <summary>The rule for a line, or null for blank lines and comments.</summary>
    public static IgnoreRule? Parse(string line)
    {
        var text = line.TrimEnd();
        if (text.Length == 0 || text.StartsWith('#'))
        {
            return null;
        }

        var negated = text.StartsWith('!');
        if (negated || text.StartsWith("\\!", StringComparison.Ordinal) || text.StartsWith("\\#", StringComparison.Ordinal))
        {
            text = text[1..];
        }

        var directoryOnly = text.EndsWith('/');
        text = text.TrimEnd('/');
        var anchored = text.Contains('/', StringComparison.Ordinal);
        text = text.TrimStart('/');
        return text.Length == 0 ? null : new IgnoreRule(new GlobPattern(text), negated, directoryOnly, anchored);
    }

    /// <summary>Whether the rule matches <paramref name="relativePath"/> ('/'-separated, relative to the rule's folder).</summary>
    public bool Matches(string relativePath, bool isDirectory)
    {
        if (DirectoryOnly && !isDirectory)
        {
            return false;
        }

        if (Anchored)
        {
            return glob.IsMatch(relativePath);
        }

        var slash = relativePath.LastIndexOf('/');
        return glob.IsMatch(slash < 0 ? relativePath : relativePath[(slash + 1)..]);
    }
}
