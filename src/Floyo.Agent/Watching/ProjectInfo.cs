namespace Floyo.Agent.Watching;

/// <summary>The project a file belongs to: its repository root (nearest folder with .git), else the watched folder.</summary>
public sealed record ProjectInfo(string Root, string Name, string? Branch);
