using Floyo.Activity;

namespace Floyo.Web.Export;

/// <summary>One field Floyo stores per event: its export column, what it means, and the schema property it comes from.</summary>
/// <param name="Name">The export column (camelCase).</param>
/// <param name="Description">Plain words for the "What we collect" page.</param>
/// <param name="Source">The property of <see cref="SequencedEvent"/>, <see cref="ActivityEvent"/> or <see cref="EventDetails"/> it reads.</param>
/// <param name="Read">Reads the value from a stored event.</param>
public sealed record EventField(string Name, string Description, string Source, Func<SequencedEvent, object?> Read);

/// <summary>
/// Every field of the event schema, described once: the events section of an export and the "What we collect" page are
/// generated from it, and a test fails when the schema gains a property this table does not describe.
/// </summary>
public static class EventFields
{
    public static IReadOnlyList<EventField> All { get; } =
    [
        new("sequence", "The event's number in your log (1, 2, 3, …).", "SequencedEvent.Sequence", e => e.Sequence),
        new("kind", "What happened: a file created, modified, deleted, renamed or opened, an editor heartbeat, a build, a test run or a debug session.", "ActivityEvent.Kind", e => Apis.ActivityKindNames.Of(e.Event.Kind)),
        new("entity", "The file path, or what your client sent instead (floyo-agent can hash or shorten paths), or an app, domain or URL.", "ActivityEvent.Entity", e => e.Event.Entity),
        new("timestamp", "When it happened.", "ActivityEvent.Timestamp", e => e.Event.Timestamp),
        new("project", "The project name your client detected (e.g. the repository folder).", "ActivityEvent.Project", e => e.Event.Project),
        new("language", "The programming language of the file.", "ActivityEvent.Language", e => e.Event.Language),
        new("editor", "The editor or tool that reported the event.", "ActivityEvent.Editor", e => e.Event.Editor),
        new("branch", "The source-control branch.", "ActivityEvent.Branch", e => e.Event.Branch),
        new("previousEntity", "For a rename: the old path.", "ActivityEvent.PreviousEntity", e => e.Event.PreviousEntity),
        new("clientEventId", "An id your client chose so a retried event is stored once.", "ActivityEvent.ClientEventId", e => e.Event.ClientEventId),
        new("type", "What the entity names: file, app, domain or URL.", "EventDetails.Type", e => (e.Event.Details?.Type ?? EntityType.File).ToString().ToLowerInvariant()),
        new("category", "The kind of work (coding, building, debugging, writing tests, …).", "EventDetails.Category", e => e.Event.Details?.Category),
        new("plugin", "The editor plugin and version that sent the event.", "EventDetails.Plugin", e => e.Event.Details?.Plugin),
        new("operatingSystem", "Your operating system as the plugin reported it.", "EventDetails.OperatingSystem", e => e.Event.Details?.OperatingSystem),
        new("machine", "The machine name the client sent.", "EventDetails.Machine", e => e.Event.Details?.Machine),
        new("isWrite", "Whether the event was a save.", "EventDetails.IsWrite", e => e.Event.Details?.IsWrite),
        new("lines", "How many lines the file has.", "EventDetails.Lines", e => e.Event.Details?.Lines),
        new("lineNumber", "The line the cursor was on.", "EventDetails.LineNumber", e => e.Event.Details?.LineNumber),
        new("cursorPosition", "The cursor's position in the file.", "EventDetails.CursorPosition", e => e.Event.Details?.CursorPosition),
        new("lineAdditions", "Lines added since the last event.", "EventDetails.LineAdditions", e => e.Event.Details?.LineAdditions),
        new("lineDeletions", "Lines deleted since the last event.", "EventDetails.LineDeletions", e => e.Event.Details?.LineDeletions),
        new("aiLineChanges", "Lines changed by an AI assistant.", "EventDetails.AiLineChanges", e => e.Event.Details?.AiLineChanges),
        new("humanLineChanges", "Lines changed by you.", "EventDetails.HumanLineChanges", e => e.Event.Details?.HumanLineChanges),
        new("aiInputTokens", "Tokens sent to an AI assistant.", "EventDetails.AiInputTokens", e => e.Event.Details?.AiInputTokens),
        new("aiOutputTokens", "Tokens an AI assistant produced.", "EventDetails.AiOutputTokens", e => e.Event.Details?.AiOutputTokens),
        new("aiSession", "An AI assistant session id.", "EventDetails.AiSession", e => e.Event.Details?.AiSession),
        new("dependencies", "Libraries the file uses, as reported by the plugin.", "EventDetails.Dependencies", e => e.Event.Details?.Dependencies is { Count: > 0 } d ? string.Join(';', d) : null),
        new("extension", "The file's extension (kept even when the path is hashed).", "EventDetails.Extension", e => e.Event.Details?.Extension),
    ];
}
