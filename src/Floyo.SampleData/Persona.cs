namespace Floyo.SampleData;

/// <summary>How a generated developer works.</summary>
/// <param name="Name">Persona name (e.g. "tdd-backend").</param>
/// <param name="UtcOffsetHours">The developer's time zone as an offset from UTC.</param>
/// <param name="WorkStartHour">Local hour the working day starts.</param>
/// <param name="WorkHours">Hours worked on a normal day.</param>
/// <param name="TestDriven">Writes tests first and runs them often.</param>
/// <param name="ContextSwitcher">Spends more time in scattered, switching work than in focus blocks.</param>
/// <param name="WorksWeekends">Works on Saturdays and Sundays too.</param>
/// <param name="Editor">Editor name.</param>
/// <param name="Plugin">Reporting plugin with version.</param>
/// <param name="Projects">Projects and their languages.</param>
public sealed record Persona(
    string Name,
    int UtcOffsetHours,
    int WorkStartHour,
    int WorkHours,
    bool TestDriven,
    bool ContextSwitcher,
    bool WorksWeekends,
    string Editor,
    string Plugin,
    IReadOnlyList<ProjectLayout> Projects);

/// <summary>A generated project: language, areas and files (paths relative to the project folder).</summary>
public sealed record ProjectLayout(
    string Name,
    string Language,
    IReadOnlyList<string> SourceFiles,
    IReadOnlyList<string> TestFiles,
    IReadOnlyList<string> ConfigFiles);
