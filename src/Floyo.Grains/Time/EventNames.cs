using System.Collections.Concurrent;
using Floyo.Activity;
using Floyo.Reports;

namespace Floyo.Time;

/// <summary>
/// The names an event counts under, per <see cref="ReportDimension"/>: its project, language, editor, branch,
/// operating system and machine, or <see cref="Unknown"/> when it has none; its category (coding when missing); its
/// entity; and each of its distinct dependencies (none: no name at all). Names compare ordinally (case matters).
/// </summary>
public static class EventNames
{
    public const string Unknown = "Unknown";

    public const string NoExtension = "(none)";

    /// <summary>Every dimension, in enum order.</summary>
    public static IReadOnlyList<ReportDimension> Dimensions { get; } = Enum.GetValues<ReportDimension>();

    /// <summary>The names <paramref name="e"/> counts under for <paramref name="dimension"/>: one, except for dependencies (zero or more).</summary>
    public static IEnumerable<string> Of(ActivityEvent e, ReportDimension dimension)
    {
        ArgumentNullException.ThrowIfNull(e);
        return dimension == ReportDimension.Dependencies
            ? e.Details?.Dependencies?.Distinct(StringComparer.Ordinal) ?? []
            : [Single(e, dimension)];
    }

    /// <summary>The one name <paramref name="e"/> counts under for a dimension other than dependencies.</summary>
    public static string Single(ActivityEvent e, ReportDimension dimension)
    {
        ArgumentNullException.ThrowIfNull(e);
        return dimension switch
        {
            ReportDimension.Projects => e.Project ?? Unknown,
            ReportDimension.Languages => e.Language ?? Unknown,
            ReportDimension.Editors => e.Editor ?? Unknown,
            ReportDimension.OperatingSystems => e.Details?.OperatingSystem ?? Unknown,
            ReportDimension.Machines => e.Details?.Machine ?? Unknown,
            ReportDimension.Categories => e.Category,
            ReportDimension.Branches => e.Branch ?? Unknown,
            ReportDimension.Entities => e.Entity,
            ReportDimension.Extensions => ExtensionOf(e.Entity),
            _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Not a single-valued dimension."),
        };
    }

    /// <summary>The file extension of <paramref name="entity"/>, lower case with the dot, or <see cref="NoExtension"/>.</summary>
    public static string ExtensionOf(string entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var extension = Path.GetExtension(entity.AsSpan());
        if (extension.Length <= 1)
        {
            return NoExtension;
        }

        if (extension.Length > MaxSharedExtensionLength)
        {
            return extension.ToString().ToLowerInvariant();
        }

        Span<char> lower = stackalloc char[extension.Length];
        extension.ToLowerInvariant(lower);
        if (SharedExtensionLookup.TryGetValue(lower, out var shared))
        {
            return shared;
        }

        var text = lower.ToString();
        if (SharedExtensions.Count < MaxSharedExtensions)
        {
            SharedExtensions.TryAdd(text, text);
        }

        return text;
    }

    private const int MaxSharedExtensionLength = 16;
    private const int MaxSharedExtensions = 1024;

    /// <summary>
    /// Extensions seen so far, one instance each (every event is counted by its extension, and a handful of them cover
    /// almost all files); bounded, after which further ones are allocated per call.
    /// </summary>
    private static readonly ConcurrentDictionary<string, string> SharedExtensions = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> SharedExtensionLookup =
        SharedExtensions.GetAlternateLookup<ReadOnlySpan<char>>();
}
