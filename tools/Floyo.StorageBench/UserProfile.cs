namespace Floyo.StorageBench;

/// <summary>One simulated developer: projects with files and branches, editors, machines.</summary>
internal sealed record UserProfile(Guid UserId, IReadOnlyList<ProjectProfile> Projects, IReadOnlyList<string> Editors, IReadOnlyList<string> Machines, string OperatingSystem)
{
    private static readonly string[] Words =
    [
        "billing", "catalog", "orders", "identity", "gateway", "search", "reports", "scheduler", "notifications", "payments",
        "inventory", "analytics", "storage", "pipeline", "dashboard", "sync", "agent", "importer", "ledger", "profile",
    ];

    private static readonly (string Extension, string Language, int Weight)[] FileTypes =
    [
        (".cs", "C#", 40), (".ts", "TypeScript", 20), (".razor", "Razor", 6), (".json", "JSON", 6), (".md", "Markdown", 5),
        (".sql", "SQL", 5), (".py", "Python", 8), (".yaml", "YAML", 4), (".css", "CSS", 3), (".csproj", "XML", 3),
    ];

    private static readonly string[] Folders = ["src", "tests", "tools", "docs", "deploy"];

    private static readonly string[] Parts = ["Services", "Handlers", "Models", "Api", "Storage", "Jobs", "Components", "Pages", "Internal", "Contracts"];

    public static UserProfile Create(Random random)
    {
        var projects = Enumerable.Range(0, random.Next(3, 7)).Select(p => CreateProject(random, p)).ToList();
        string[] editors = random.Next(3) switch
        {
            0 => ["VS Code"],
            1 => ["Rider", "VS Code"],
            _ => ["Neovim", "VS Code"],
        };
        var machines = Enumerable.Range(0, random.Next(1, 3)).Select(_ => $"dev-{Convert.ToHexStringLower(BitConverter.GetBytes(random.Next()))}").ToList();
        return new UserProfile(new Guid(random.NextBytes(16)), projects, editors, machines, random.Next(3) == 0 ? "darwin" : "linux");
    }

    private static ProjectProfile CreateProject(Random random, int index)
    {
        var name = $"{Words[random.Next(Words.Length)]}-{Words[random.Next(Words.Length)]}{(index == 0 ? "" : $"-{index}")}";
        var root = string.Concat(name.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        var files = Enumerable.Range(0, random.Next(40, 121)).Select(_ =>
        {
            var type = Pick(random);
            var path = $"{Folders[random.Next(Folders.Length)]}/{root}.{Parts[random.Next(Parts.Length)]}/{Parts[random.Next(Parts.Length)]}/{Words[random.Next(Words.Length)]}{Parts[random.Next(Parts.Length)]}{type.Extension}";
            return new FileProfile(path, type.Language, random.Next(20, 900));
        }).DistinctBy(f => f.Path).ToList();
        List<string> branches = ["main", .. Enumerable.Range(0, random.Next(1, 4)).Select(_ => $"feature/{Words[random.Next(Words.Length)]}-{random.Next(100, 999)}")];
        return new ProjectProfile(name, $"{root}.sln", files, branches);
    }

    private static (string Extension, string Language, int Weight) Pick(Random random)
    {
        var roll = random.Next(FileTypes.Sum(t => t.Weight));
        foreach (var type in FileTypes)
        {
            roll -= type.Weight;
            if (roll < 0)
            {
                return type;
            }
        }

        return FileTypes[0];
    }
}

internal sealed record ProjectProfile(string Name, string Solution, IReadOnlyList<FileProfile> Files, IReadOnlyList<string> Branches);

internal sealed record FileProfile(string Path, string Language, int Lines);

internal static class RandomExtensions
{
    public static byte[] NextBytes(this Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
