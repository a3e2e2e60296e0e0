namespace Floyo.Agent.Watching;

/// <summary>Reads the current branch from a repository's HEAD (following a worktree's <c>.git</c> file).</summary>
public static class GitHead
{
    public static bool IsRepositoryRoot(string directory)
    {
        var marker = Path.Combine(directory, ".git");
        return Directory.Exists(marker) || File.Exists(marker);
    }

    /// <summary>The branch name, a short commit id when HEAD is detached, or null when it cannot be read.</summary>
    public static string? ReadBranch(string repositoryRoot)
    {
        try
        {
            var gitDirectory = GitDirectory(repositoryRoot);
            var head = gitDirectory is null ? null : Path.Combine(gitDirectory, "HEAD");
            if (head is null || !File.Exists(head))
            {
                return null;
            }

            var text = File.ReadAllText(head).Trim();
            const string prefix = "ref: refs/heads/";
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return text[prefix.Length..];
            }

            return text.StartsWith("ref: ", StringComparison.Ordinal) ? text[5..] : text[..Math.Min(12, text.Length)];
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? GitDirectory(string repositoryRoot)
    {
        var marker = Path.Combine(repositoryRoot, ".git");
        if (Directory.Exists(marker))
        {
            return marker;
        }

        if (!File.Exists(marker))
        {
            return null;
        }

        var line = File.ReadAllText(marker).Trim();
        return line.StartsWith("gitdir:", StringComparison.Ordinal)
            ? Path.GetFullPath(line["gitdir:".Length..].Trim(), repositoryRoot)
            : null;
    }
}
