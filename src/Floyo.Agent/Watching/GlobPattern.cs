using System.Text;
using System.Text.RegularExpressions;

namespace Floyo.Agent.Watching;

/// <summary>
/// A glob over '/'-separated paths: <c>*</c> and <c>?</c> stay within one segment, <c>**</c> crosses segments
/// (<c>**/x</c> matches x at any depth, <c>x/**</c> everything under x), <c>[abc]</c> and <c>[!a-z]</c> are classes.
/// Matching uses the non-backtracking regex engine: time linear in the path whatever the glob, so no timeout is
/// needed (a timeout fired on a starved CPU and cost a whole window of changes).
/// </summary>
public sealed class GlobPattern
{
    private readonly Regex regex;

    public GlobPattern(string glob)
    {
        Glob = glob;
        var options = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | (OperatingSystem.IsWindows() ? RegexOptions.IgnoreCase : RegexOptions.None);
        regex = new Regex(ToRegex(glob), options);
    }

    public string Glob { get; }

    public bool IsMatch(string path) => regex.IsMatch(path);

    private static string ToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var atStart = i == 0 || glob[i - 1] == '/';
                var slashFollows = i + 2 < glob.Length && glob[i + 2] == '/';
                if (atStart && slashFollows)
                {
                    pattern.Append("(?:.*/)?");
                    i += 2;
                }
                else
                {
                    pattern.Append(".*");
                    i++;
                }
            }
            else if (c == '*')
            {
                pattern.Append("[^/]*");
            }
            else if (c == '?')
            {
                pattern.Append("[^/]");
            }
            else if (c == '[' && glob.IndexOf(']', i + 1) is var close and > 0)
            {
                var body = glob[(i + 1)..close];
                var negated = body.StartsWith('!') || body.StartsWith('^');
                pattern.Append(negated ? "[^" : "[").Append(body[(negated ? 1 : 0)..].Replace("\\", "\\\\", StringComparison.Ordinal)).Append(']');
                i = close;
            }
            else
            {
                pattern.Append(Regex.Escape(c.ToString()));
            }
        }

        return pattern.Append('$').ToString();
    }
}
