using System.Globalization;
using Floyo.Agent.Watching;

namespace Floyo.Agent.Events;

/// <summary>
/// Turns settled changes into wire events: project, branch and language looked up, the path redacted by the privacy
/// mode, a fresh client event id each. A project in a burst (see <see cref="BurstDetector"/>) gets one summary event
/// per kind instead, with entity "(N files)" and <see cref="WireEvent.Count"/> = N.
/// </summary>
public sealed class EventBuilder(PathRedactor redactor, ProjectLocator projects, BurstDetector bursts)
{
    public const string EditorName = "floyo-agent";

    public List<WireEvent> Build(IReadOnlyList<FileChange> changes, DateTimeOffset now)
    {
        var events = new List<WireEvent>(changes.Count);
        foreach (var group in changes.GroupBy(c => projects.ProjectOf(c.Path)))
        {
            var project = group.Key;
            var items = group.ToList();
            if (bursts.IsBurst(project.Root, items.Count, now))
            {
                events.AddRange(items.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => Summary(project, g.Key, g.Count(), g.Max(c => c.Timestamp))));
            }
            else
            {
                events.AddRange(items.Select(c => Single(project, c)));
            }
        }

        return events;
    }

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

    private static WireEvent Summary(ProjectInfo project, FileChangeKind kind, int count, DateTimeOffset at) => new(
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
