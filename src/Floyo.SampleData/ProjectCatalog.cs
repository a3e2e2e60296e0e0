namespace Floyo.SampleData;

/// <summary>Makes project layouts in the conventions of their language (where sources and tests live, how they are named).</summary>
internal static class ProjectCatalog
{
    private static readonly string[] ProjectNames =
        ["shop", "billing-api", "atlas", "harbor", "ledger", "pulse", "orbit", "quarry", "nimbus", "beacon"];

    private static readonly string[] Areas =
        ["Billing", "Orders", "Auth", "Search", "Reports", "Inventory", "Users", "Payments", "Shipping", "Catalog"];

    private static readonly string[] Nouns =
        ["Service", "Controller", "Repository", "Model", "Validator", "Mapper", "Client", "Options", "Handler", "Cache"];

    public static readonly string[] Languages = ["C#", "TypeScript", "Python", "Go"];

    public static ProjectLayout Make(Random random, int index, string language)
    {
        var name = ProjectNames[index % ProjectNames.Length] + (index >= ProjectNames.Length ? $"-{index}" : "");
        var areas = Areas.OrderBy(_ => random.Next()).Take(random.Next(4, 7)).ToList();
        var sources = new List<string>();
        var tests = new List<string>();
        foreach (var area in areas)
        {
            foreach (var noun in Nouns.OrderBy(_ => random.Next()).Take(random.Next(5, 9)))
            {
                var (source, test) = Paths(language, area, noun);
                sources.Add(source);
                if (random.NextDouble() < 0.6)
                {
                    tests.Add(test);
                }
            }
        }

        return new ProjectLayout(name, language, sources, tests, ConfigFiles(language, name));
    }

    private static (string Source, string Test) Paths(string language, string area, string noun)
    {
        var lower = area.ToLowerInvariant();
        var snake = $"{lower}_{noun.ToLowerInvariant()}";
        return language switch
        {
            "C#" => ($"src/{area}/{area}{noun}.cs", $"tests/{area}/{area}{noun}Tests.cs"),
            "TypeScript" => ($"src/{lower}/{lower}-{noun.ToLowerInvariant()}.ts", $"src/{lower}/{lower}-{noun.ToLowerInvariant()}.spec.ts"),
            "Python" => ($"app/{lower}/{snake}.py", $"tests/{lower}/test_{snake}.py"),
            _ => ($"pkg/{lower}/{snake}.go", $"pkg/{lower}/{snake}_test.go"),
        };
    }

    private static List<string> ConfigFiles(string language, string project) => language switch
    {
        "C#" => [$"{project}.csproj", "appsettings.json", "README.md"],
        "TypeScript" => ["package.json", "tsconfig.json", "README.md"],
        "Python" => ["pyproject.toml", "setup.cfg", "README.md"],
        _ => ["go.mod", "Makefile", "README.md"],
    };
}
