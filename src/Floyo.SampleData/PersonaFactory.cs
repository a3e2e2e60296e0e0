namespace Floyo.SampleData;

/// <summary>Draws a persona for a user from the seed.</summary>
internal static class PersonaFactory
{
    private static readonly (string Editor, string Plugin)[] Editors =
    [
        ("vscode", "vscode-wakatime/24.6.0"), ("rider", "jetbrains-wakatime/14.1.0"), ("vim", "vim-wakatime/11.2.0"),
        ("neovim", "vim-wakatime/11.2.0"), ("pycharm", "jetbrains-wakatime/14.1.0"),
    ];

    private static readonly int[] Offsets = [-8, -5, 0, 1, 2, 5, 8, 9];

    public static Persona Make(Random random, int userIndex)
    {
        var testDriven = random.NextDouble() < 0.4;
        var switcher = random.NextDouble() < 0.35;
        var primary = ProjectCatalog.Languages[random.Next(ProjectCatalog.Languages.Length)];
        var projectCount = switcher ? random.Next(3, 5) : random.Next(2, 4);
        var projects = Enumerable.Range(0, projectCount)
            .Select(i => ProjectCatalog.Make(random, (userIndex * 3) + i,
                i == 0 || random.NextDouble() < 0.5 ? primary : ProjectCatalog.Languages[random.Next(ProjectCatalog.Languages.Length)]))
            .ToList();
        var (editor, plugin) = Editors[random.Next(Editors.Length)];
        var name = (testDriven ? "tdd" : "pragmatic") + (switcher ? "-switcher" : "-focused") + "-" + primary.ToLowerInvariant();
        return new Persona(name, Offsets[random.Next(Offsets.Length)], random.Next(7, 11), random.Next(6, 10),
            testDriven, switcher, random.NextDouble() < 0.15, editor, plugin, projects);
    }
}
