using System.Globalization;
using Floyo.Agent.Watching;

namespace Floyo.Agent.Events;

/// <summary>
/// Turns settled changes into wire events: project, branch and language looked up, the path redacted by the privacy
/// mode, a fresh client event id each; or a burst summary: entity "(N files)" and <see cref="WireEvent.Count"/> = N.
/// </summary>
public sealed class EventBuilder(PathRedactor redactor, ProjectLocator projects)
{
    public const string EditorName = "floyo-agent";

    public ProjectInfo ProjectOf(string path) => projects.ProjectOf(path);

    public WireEvent Single(ProjectInfo project, FileChange change) => new(
        Wire(change.Kind),
        redactor.Redact(change.Path, project.Root, project.Name),
        Timestamp(change.Timestamp),
        project.Name,
        LanguageTable.For(change.Path),
        EditorName,
        project.Branch,
        change.PreviousPath is null ? null : redactor.Redact(change.PreviousPath, project.Root, project.Name),
        NewId());

    public static WireEvent Summary(ProjectInfo project, FileChangeKind kind, int count, DateTimeOffset at) => new(
        Wire(kind),
        count == 1 ? "(1 file)" : $"({count} files)",
        Timestamp(at),
        project.Name,
        null,
        EditorName,
        project.Branch,
        kind == FileChangeKind.Renamed ? "(burst)" : null,
        NewId(),
        count);

    public static string Wire(FileChangeKind kind) => kind.ToString().ToLowerInvariant();

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string NewId() => Guid.CreateVersion7().ToString("N");
}
