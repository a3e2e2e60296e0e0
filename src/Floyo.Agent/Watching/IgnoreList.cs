namespace Floyo.Agent.Watching;

/// <summary>The rules of one .gitignore file (or of the config's exclude list), last match wins.</summary>
public sealed class IgnoreList(IReadOnlyList<IgnoreRule> rules)
{
    public static readonly IgnoreList Empty = new([]);

    public static IgnoreList Parse(IEnumerable<string> lines) => new([.. lines.Select(IgnoreRule.Parse).OfType<IgnoreRule>()]);

    public bool IsEmpty => rules.Count == 0;

    /// <summary>true: ignored, false: explicitly kept (negation), null: no rule matched.</summary>
    public bool? Evaluate(string relativePath, bool isDirectory)
    {
        for (var i = rules.Count - 1; i >= 0; i--)
        {
            if (rules[i].Matches(relativePath, isDirectory))
            {
                return !rules[i].Negated;
            }
        }

        return null;
    }
}
