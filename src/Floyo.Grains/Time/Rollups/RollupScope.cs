using Floyo.Activity;
using Floyo.Reports;

namespace Floyo.Time.Rollups;

/// <summary>
/// Whose time a rollup holds: every event's (<see cref="All"/>), or only that of events of one project or one language
/// (the dashboard's filters), by the names <see cref="EventNames"/> gives, so <c>Unknown</c> is a scope too. Stored as
/// text (<see cref="Key"/>): empty for all, <c>p:</c> or <c>l:</c> followed by the name.
/// </summary>
public readonly record struct RollupScope
{
    private RollupScope(ReportDimension dimension, string name)
    {
        Dimension = dimension;
        Name = name;
    }

    /// <summary>Every event.</summary>
    public static RollupScope All => default;

    public ReportDimension Dimension { get; }

    /// <summary>The project or language; null for <see cref="All"/>.</summary>
    public string? Name { get; }

    public string Key => Name is null ? "" : (Dimension == ReportDimension.Projects ? "p:" : "l:") + Name;

    public static RollupScope Project(string name) => new(ReportDimension.Projects, name);

    public static RollupScope Language(string name) => new(ReportDimension.Languages, name);

    /// <summary>The scopes besides <see cref="All"/> whose time an event's gap counts in: its project's and its language's.</summary>
    public static (RollupScope Project, RollupScope Language) Of(ActivityEvent e) =>
        (Project(EventNames.Single(e, ReportDimension.Projects)), Language(EventNames.Single(e, ReportDimension.Languages)));

    /// <summary>The scope that answers a filter on one project or one language; null for both or neither.</summary>
    public static RollupScope? For(string? project, string? language) =>
        (project, language) switch
        {
            (not null, null) => Project(project),
            (null, not null) => Language(language),
            _ => null,
        };
}
