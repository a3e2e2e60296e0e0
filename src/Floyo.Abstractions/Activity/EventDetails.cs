namespace Floyo.Activity;

/// <summary>
/// The optional, richer part of an event: what editor heartbeats (WakaTime plugins) and build/test/debug tools report
/// beyond the core fields of <see cref="ActivityEvent"/>. Every property is optional.
/// </summary>
[GenerateSerializer, Immutable, Alias("floyo.EventDetails")]
public sealed record EventDetails
{
    /// <summary>What the entity names; file by default.</summary>
    [Id(0)] public EntityType Type { get; init; }

    /// <summary>A WakaTime category (see <see cref="ActivityCategories"/>); null means coding.</summary>
    [Id(1)] public string? Category { get; init; }

    /// <summary>The plugin or client that reported the event (e.g. "vscode-wakatime/24.0.0").</summary>
    [Id(2)] public string? Plugin { get; init; }

    [Id(3)] public string? OperatingSystem { get; init; }

    [Id(4)] public string? Machine { get; init; }

    /// <summary>True when the event was a save.</summary>
    [Id(5)] public bool? IsWrite { get; init; }

    /// <summary>Lines in the file.</summary>
    [Id(6)] public int? Lines { get; init; }

    [Id(7)] public int? LineNumber { get; init; }

    [Id(8)] public int? CursorPosition { get; init; }

    [Id(9)] public int? LineAdditions { get; init; }

    [Id(10)] public int? LineDeletions { get; init; }

    /// <summary>Lines changed by an AI assistant (may be negative: net removals).</summary>
    [Id(11)] public int? AiLineChanges { get; init; }

    /// <summary>Lines changed by the human (may be negative).</summary>
    [Id(12)] public int? HumanLineChanges { get; init; }

    [Id(13)] public long? AiInputTokens { get; init; }

    [Id(14)] public long? AiOutputTokens { get; init; }

    [Id(15)] public string? AiSession { get; init; }

    /// <summary>Libraries the file uses (WakaTime "dependencies").</summary>
    [Id(16)] public IReadOnlyList<string>? Dependencies { get; init; }

    /// <summary>The entity's extension when the client knows it (privacy modes may hash the path but keep this).</summary>
    [Id(17)] public string? Extension { get; init; }
}
