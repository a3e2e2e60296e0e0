namespace Floyo.Agent.Watching;

/// <summary>
/// A glob over '/'-separated paths: <c>*</c> and <c>?</c> stay within one segment, <c>**</c> crosses segments
/// (<c>**/x</c> matches x at any depth, <c>x/**</c> everything under x), <c>[abc]</c> and <c>[!a-z]</c> are classes.
/// Matching follows every possible position in the glob at once (no backtracking): time is at most the path's length
/// times the glob's, whatever the glob, so no timeout is needed (a timeout fired on a starved CPU and cost a whole
/// window of changes). Case-insensitive on Windows.
/// </summary>
public sealed class GlobPattern
{
    private static readonly bool IgnoreCase = OperatingSystem.IsWindows();
    private readonly GlobToken[] tokens;

    public GlobPattern(string glob)
    {
        Glob = glob;
        tokens = Parse(glob);
    }

    public string Glob { get; }

    public bool IsMatch(string path)
    {
        var onStack = tokens.Length < 512;
        Span<bool> current = onStack ? stackalloc bool[tokens.Length + 1] : new bool[tokens.Length + 1];
        Span<bool> next = onStack ? stackalloc bool[tokens.Length + 1] : new bool[tokens.Length + 1];
        current[0] = true;
        FollowEmptyMatches(current);
        foreach (var c in path)
        {
            next.Clear();
            var alive = false;
            for (var at = 0; at < tokens.Length; at++)
            {
                if (current[at])
                {
                    alive |= Step(tokens[at], at, c, next);
                }
            }

            if (!alive)
            {
                return false;
            }

            FollowEmptyMatches(next);
            next.CopyTo(current);
        }

        return current[tokens.Length];
    }

    /// <summary>Where reading <paramref name="c"/> at token <paramref name="at"/> leads; false when nowhere.</summary>
    private static bool Step(GlobToken token, int at, char c, Span<bool> next)
    {
        switch (token.Kind)
        {
            case GlobTokenKind.Star when c != '/':
            case GlobTokenKind.AnyPath:
                next[at] = true;
                return true;
            case GlobTokenKind.Literal or GlobTokenKind.AnyChar or GlobTokenKind.Class when token.Accepts(c, IgnoreCase):
                next[at + 1] = true;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Wildcards may match nothing: a live wildcard makes the token after it live too, a live skip the token after its group.</summary>
    private void FollowEmptyMatches(Span<bool> live)
    {
        for (var at = 0; at < tokens.Length; at++)
        {
            if (live[at] && tokens[at].Kind is GlobTokenKind.Star or GlobTokenKind.AnyPath or GlobTokenKind.SkipSegments)
            {
                live[at + 1] = true;
            }

            if (live[at] && tokens[at].Kind is GlobTokenKind.SkipSegments)
            {
                live[at + 3] = true;
            }
        }
    }

    private static GlobToken[] Parse(string glob)
    {
        var tokens = new List<GlobToken>();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var atSegmentStart = i == 0 || glob[i - 1] == '/';
                var slashFollows = i + 2 < glob.Length && glob[i + 2] == '/';
                if (atSegmentStart && slashFollows)
                {
                    // "**/": zero segments, or any characters up to a '/'.
                    tokens.AddRange([new(GlobTokenKind.SkipSegments), new(GlobTokenKind.AnyPath), new(GlobTokenKind.Literal, '/')]);
                    i += 2;
                }
                else
                {
                    tokens.Add(new GlobToken(GlobTokenKind.AnyPath));
                    i++;
                }
            }
            else if (c == '*')
            {
                tokens.Add(new GlobToken(GlobTokenKind.Star));
            }
            else if (c == '?')
            {
                tokens.Add(new GlobToken(GlobTokenKind.AnyChar));
            }
            else if (c == '[' && glob.IndexOf(']', i + 1) is var close and > 0 && close > i + 1)
            {
                var body = glob[(i + 1)..close];
                var negated = body.Length > 1 && body[0] is '!' or '^';
                tokens.Add(new GlobToken(GlobTokenKind.Class, Class: negated ? body[1..] : body, Negated: negated));
                i = close;
            }
            else
            {
                tokens.Add(new GlobToken(GlobTokenKind.Literal, c));
            }
        }

        return [.. tokens];
    }
}
