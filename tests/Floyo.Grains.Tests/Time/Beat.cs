using System.Globalization;
using Floyo.Activity;

namespace Floyo.Grains.Tests.Time;

/// <summary>Concise heartbeats for the time accounting tests.</summary>
internal static class Beat
{
    /// <summary>A heartbeat at <paramref name="instant"/> ("2026-03-01T10:00:00Z" or with an offset).</summary>
    public static ActivityEvent At(
        string instant,
        string? project = "floyo",
        string entity = "src/a.cs",
        string? language = "C#",
        string? branch = "main",
        IReadOnlyList<string>? dependencies = null) =>
        At(Time(instant), project, entity, language, branch, dependencies);

    /// <summary>A heartbeat at <paramref name="instant"/>.</summary>
    public static ActivityEvent At(
        DateTimeOffset instant,
        string? project = "floyo",
        string entity = "src/a.cs",
        string? language = "C#",
        string? branch = "main",
        IReadOnlyList<string>? dependencies = null) =>
        new(
            ActivityKind.Heartbeat,
            entity,
            instant,
            project,
            language,
            Editor: "vscode",
            Branch: branch,
            Details: new EventDetails { OperatingSystem = "linux", Machine = "box", Dependencies = dependencies });

    public static DateTimeOffset Time(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    public static DateOnly Day(string day) => DateOnly.Parse(day, CultureInfo.InvariantCulture);
}
