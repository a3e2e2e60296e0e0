using Floyo.Activity;

namespace Floyo.Web.Apis;

/// <summary>The JSON names of <see cref="ActivityKind"/>, with the aliases clients use.</summary>
public static class ActivityKindNames
{
    private static readonly Dictionary<ActivityKind, string> Names = new()
    {
        [ActivityKind.Created] = "created",
        [ActivityKind.Modified] = "modified",
        [ActivityKind.Deleted] = "deleted",
        [ActivityKind.Renamed] = "renamed",
        [ActivityKind.Opened] = "opened",
        [ActivityKind.Heartbeat] = "heartbeat",
        [ActivityKind.Build] = "build",
        [ActivityKind.TestRun] = "test_run",
        [ActivityKind.DebugSession] = "debug_session",
    };

    private static readonly Dictionary<string, ActivityKind> ByName = new(
        Names.Select(kv => KeyValuePair.Create(kv.Value, kv.Key))
            .Concat([
                KeyValuePair.Create("focused", ActivityKind.Opened),
                KeyValuePair.Create("test", ActivityKind.TestRun),
                KeyValuePair.Create("debug", ActivityKind.DebugSession),
            ]),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The accepted names, for error messages and documentation.</summary>
    public static string List { get; } = string.Join(", ", Names.Values) + " (aliases: focused, test, debug)";

    public static bool TryParse(string name, out ActivityKind kind) => ByName.TryGetValue(name, out kind);

    public static string Of(ActivityKind kind) => Names[kind];
}
