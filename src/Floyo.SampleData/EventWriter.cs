using Floyo.Activity;

namespace Floyo.SampleData;

/// <summary>Appends one user's events in time order, in the shape editor plugins and the agent send them.</summary>
internal sealed class EventWriter(Persona persona, Random random)
{
    public List<ActivityEvent> Events { get; } = [];

    /// <summary>The time of the latest event (events are never written before it).</summary>
    public DateTimeOffset Last { get; private set; } = DateTimeOffset.MinValue;

    public void Save(DateTimeOffset at, ProjectLayout project, string file) =>
        Add(new ActivityEvent(ActivityKind.Modified, file, at, project.Name, project.Language, persona.Editor, "main",
            Details: Details() with { IsWrite = true, LineAdditions = random.Next(0, 30), LineDeletions = random.Next(0, 12) }));

    public void Heartbeat(DateTimeOffset at, ProjectLayout project, string file, string? category = null) =>
        Add(new ActivityEvent(ActivityKind.Heartbeat, file, at, project.Name, project.Language, persona.Editor, "main",
            Details: Details() with { Category = category, IsWrite = false }));

    public void Open(DateTimeOffset at, ProjectLayout project, string file) =>
        Add(new ActivityEvent(ActivityKind.Opened, file, at, project.Name, project.Language, persona.Editor, "main",
            Details: Details()));

    /// <summary>A build, test run or debug session of the project (its project file is the entity).</summary>
    public void Tool(DateTimeOffset at, ProjectLayout project, ActivityKind kind, string category) =>
        Add(new ActivityEvent(kind, project.ConfigFiles[0], at, project.Name, project.Language, persona.Editor, "main",
            Details: Details() with { Category = category }));

    /// <summary>Time in a non-editor app (chat, browser), as WakaTime's desktop plugins report it.</summary>
    public void App(DateTimeOffset at, string app, string category) =>
        Add(new ActivityEvent(ActivityKind.Heartbeat, app, at, Details: Details() with { Type = EntityType.App, Category = category }));

    private EventDetails Details() => new() { Plugin = persona.Plugin, Machine = "laptop", OperatingSystem = "linux" };

    private void Add(ActivityEvent e)
    {
        if (e.Timestamp < Last)
        {
            e = e with { Timestamp = Last };
        }

        Last = e.Timestamp;
        Events.Add(e);
    }
}
