namespace Floyo.Agent.Watching;

/// <summary>
/// Decides whether a path is reported: not under a default-excluded folder or named like a scratch file, not ignored
/// by the .gitignore files of its project (each folder's file, nearer files winning, negation supported), not matched
/// by the config's exclude globs, and matched by an include glob when there are any. Globs and .gitignore rules see
/// the path relative to the project root. Used from one thread (the change loop).
/// </summary>
public sealed class PathFilter(ProjectLocator projects, IReadOnlyList<string> includeGlobs, IReadOnlyList<string> excludeGlobs)
{
    private readonly GitIgnoreCache gitIgnores = new();
    private readonly IgnoreList excludes = IgnoreList.Parse(excludeGlobs);
    private readonly IReadOnlyList<GlobPattern> includes = [.. includeGlobs.Select(g => new GlobPattern(g.TrimStart('/')))];

    public ProjectLocator Projects => projects;

    /// <summary>Notes a change that may alter the rules (.gitignore edited, repository created, branch switched).</summary>
    public void Observe(string path)
    {
        gitIgnores.Invalidate(path);
        projects.Invalidate(path);
    }

    public bool IsExcluded(string fullPath, bool isDirectory)
    {
        var watchRoot = projects.WatchRootOf(fullPath);
        if (watchRoot is null)
        {
            return true;
        }

        if (HasExcludedName(fullPath, watchRoot, isDirectory))
        {
            return true;
        }

        var projectRoot = projects.ProjectOf(fullPath).Root;
        if (!ProjectLocator.IsUnder(fullPath, projectRoot) || fullPath.Length == projectRoot.Length)
        {
            return false;
        }

        var relative = fullPath[(projectRoot.Length + 1)..].Replace('\\', '/');
        if (IsIgnored(projectRoot, relative, isDirectory))
        {
            return true;
        }

        return !isDirectory && includes.Count > 0 && !includes.Any(i => i.IsMatch(relative) || i.IsMatch(Path.GetFileName(relative)));
    }

    private static bool HasExcludedName(string fullPath, string watchRoot, bool isDirectory)
    {
        if (fullPath.Length == watchRoot.Length)
        {
            return false;
        }

        var segments = fullPath[(watchRoot.Length + 1)..].Split(Path.DirectorySeparatorChar);
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (DefaultExcludes.IsExcludedDirectoryName(segments[i]))
            {
                return true;
            }
        }

        var last = segments[^1];
        return isDirectory ? DefaultExcludes.IsExcludedDirectoryName(last) : DefaultExcludes.IsExcludedFileName(last);
    }

    /// <summary>Git's rule: a path is ignored when it or any folder above it is ignored; the last matching rule decides.</summary>
    private bool IsIgnored(string projectRoot, string relative, bool isDirectory)
    {
        var segments = relative.Split('/');
        for (var level = 0; level < segments.Length; level++)
        {
            var levelIsDirectory = level < segments.Length - 1 || isDirectory;
            bool? ignored = null;
            var directory = projectRoot;
            for (var owner = 0; owner <= level; owner++)
            {
                var path = string.Join('/', segments, owner, level - owner + 1);
                ignored = gitIgnores.For(directory).Evaluate(path, levelIsDirectory) ?? ignored;
                directory = Path.Combine(directory, segments[owner]);
            }

            ignored = excludes.Evaluate(string.Join('/', segments, 0, level + 1), levelIsDirectory) ?? ignored;
            if (ignored == true)
            {
                return true;
            }
        }

        return false;
    }
}
