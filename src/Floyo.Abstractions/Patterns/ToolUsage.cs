namespace Floyo.Patterns;

/// <summary>
/// Tools used: editors, plugins (the reporting client, version stripped) and categories. Build, test-run and debug
/// events count as the categories building, running tests and debugging even when the client sent none.
/// </summary>
/// <param name="Editors">Editors, this week versus the previous.</param>
/// <param name="Plugins">Plugins, this week versus the previous.</param>
/// <param name="Categories">WakaTime categories (coding, building, debugging, running tests, code reviewing,
/// ai coding, …), this week versus the previous.</param>
[GenerateSerializer, Immutable, Alias("floyo.ToolUsage")]
public sealed record ToolUsage(
    [property: Id(0)] IReadOnlyList<MixEntry> Editors,
    [property: Id(1)] IReadOnlyList<MixEntry> Plugins,
    [property: Id(2)] IReadOnlyList<MixEntry> Categories);
