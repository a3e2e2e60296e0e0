using Floyo.Activity;

namespace Floyo.Patterns.Detectors;

/// <summary>How the detectors read an event: is it a change, which area and step is it, which day.</summary>
internal static class PatternEvents
{
    public const string RootArea = "(root)";

    private static readonly HashSet<string> ConfigExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".json", ".yaml", ".yml", ".toml", ".xml", ".csproj", ".props", ".targets", ".sln", ".md", ".ini", ".cfg",
        ".lock", ".editorconfig", ".gitignore", ".env",
    };

    private static readonly HashSet<string> ConfigNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Dockerfile", "Makefile", "package.json", "go.mod", "Cargo.toml",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ConfigExtensionLookup =
        ConfigExtensions.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ConfigNameLookup =
        ConfigNames.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The UTC day number (<see cref="DateOnly.DayNumber"/>) of the event.</summary>
    public static int DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime).DayNumber;

    /// <summary>True for events about a file (not apps, domains or URLs, not builds, test runs or debug sessions).</summary>
    public static bool IsFileEvent(ActivityEvent e) =>
        (e.Details?.Type ?? EntityType.File) == EntityType.File
        && e.Kind is ActivityKind.Created or ActivityKind.Modified or ActivityKind.Deleted or ActivityKind.Renamed
            or ActivityKind.Opened or ActivityKind.Heartbeat;

    /// <summary>True when the event changed the file: created, modified, renamed, or an editor save.</summary>
    public static bool IsChange(ActivityEvent e) =>
        IsFileEvent(e)
        && (e.Kind is ActivityKind.Created or ActivityKind.Modified or ActivityKind.Renamed || e.Details?.IsWrite == true);

    /// <summary>
    /// The file group: the first two directory levels of the path below the project folder ("(root)" for top-level
    /// files). For an absolute path containing <c>/{project}/</c>, the part after the project folder is used.
    /// </summary>
    public static string AreaOf(string entity, string? project)
    {
        // Several detectors ask for the same event's area in a row.
        if (ReferenceEquals(entity, lastArea.Entity) && ReferenceEquals(project, lastArea.Project))
        {
            return lastArea.Area;
        }

        var area = ComputeAreaOf(entity, project);
        lastArea = (entity, project, area);
        return area;
    }

    [ThreadStatic]
    private static (string? Entity, string? Project, string Area) lastArea;

    private static string ComputeAreaOf(string entity, string? project)
    {
        ReadOnlySpan<char> path = entity.Replace('\\', '/');
        if (project is not null && LastFolder(path, project) is var at and >= 0)
        {
            path = path[(at + project.Length + 2)..];
        }

        // The first two non-empty segments, and whether there is a third (the file itself, below two folders).
        Span<Range> segments = stackalloc Range[3];
        var count = 0;
        foreach (var segment in path.Split('/'))
        {
            if (segment.End.Value == segment.Start.Value)
            {
                continue;
            }

            segments[count++] = segment;
            if (count == segments.Length)
            {
                break;
            }
        }

        return count switch
        {
            <= 1 => RootArea,
            2 => path[segments[0]].ToString(),
            _ => string.Concat(path[segments[0]], "/", path[segments[1]]),
        };
    }

    /// <summary>Where the last <c>/{folder}/</c> starts in <paramref name="path"/>, or -1.</summary>
    private static int LastFolder(ReadOnlySpan<char> path, string folder)
    {
        for (var at = path.Length - folder.Length - 2; at >= 0; at--)
        {
            if (path[at] == '/' && path[at + folder.Length + 1] == '/' && path.Slice(at + 1, folder.Length).SequenceEqual(folder))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>The workflow step the event is, or null when it is none (reading, heartbeats without a save, deletes).</summary>
    public static string? StepOf(ActivityEvent e)
    {
        switch (e.Kind)
        {
            case ActivityKind.Build:
                return WorkflowSteps.Build;
            case ActivityKind.TestRun:
                return WorkflowSteps.RunTests;
            case ActivityKind.DebugSession:
                return WorkflowSteps.Debug;
        }

        switch (e.Category)
        {
            case "building":
                return WorkflowSteps.Build;
            case "running tests":
                return WorkflowSteps.RunTests;
            case "debugging":
                return WorkflowSteps.Debug;
            case "code reviewing":
                return WorkflowSteps.Review;
        }

        if (!IsChange(e))
        {
            return null;
        }

        return IsTestFile(e.Entity) ? WorkflowSteps.EditTest
            : IsConfigFile(e.Entity) ? WorkflowSteps.EditConfig
            : WorkflowSteps.EditSource;
    }

    /// <summary>The category an event counts as: build, test-run and debug events count as their category.</summary>
    public static string CategoryOf(ActivityEvent e) => e.Kind switch
    {
        ActivityKind.Build when e.Category == ActivityCategories.Coding => "building",
        ActivityKind.TestRun when e.Category == ActivityCategories.Coding => "running tests",
        ActivityKind.DebugSession when e.Category == ActivityCategories.Coding => "debugging",
        _ => e.Category,
    };

    /// <summary>The plugin name without its version ("vscode-wakatime/24.0.0" → "vscode-wakatime").</summary>
    public static string? PluginOf(ActivityEvent e)
    {
        var plugin = e.Details?.Plugin;
        if (string.IsNullOrWhiteSpace(plugin))
        {
            return null;
        }

        var slash = plugin.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? plugin[..slash] : plugin;
    }

    public static bool IsTestFile(string entity)
    {
        var path = entity.Replace('\\', '/');
        var name = path.AsSpan(path.LastIndexOf('/') + 1);
        return name.Contains("test", StringComparison.OrdinalIgnoreCase)
            || name.Contains("spec", StringComparison.OrdinalIgnoreCase)
            || path.Contains("/tests/", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("tests/", StringComparison.OrdinalIgnoreCase)
            || path.Contains("/__tests__/", StringComparison.Ordinal);
    }

    private static bool IsConfigFile(string entity)
    {
        var name = entity.AsSpan(entity.AsSpan().LastIndexOfAny('/', '\\') + 1);
        return ConfigNameLookup.Contains(name) || ConfigExtensionLookup.Contains(Path.GetExtension(name));
    }
}
