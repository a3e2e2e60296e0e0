using System.Reflection;
using Floyo.Testing;

namespace Floyo.LoadGen;

/// <summary>Where the built Floyo.Web and Floyo.Silo are (the same build configuration as this tool, unless told otherwise).</summary>
public sealed record RepoLayout(string Root, string Configuration)
{
    private const string TargetFramework = "net10.0";

    public string WebDll => Output("Floyo.Web");

    public string SiloDll => Output("Floyo.Silo");

    public static RepoLayout Find(LoadGenOptions options)
    {
        var root = options.RepoRoot ?? RepositoryLayout.Root;
        var configuration = options.Configuration
            ?? typeof(RepoLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
            ?? "Release";
        var layout = new RepoLayout(Path.GetFullPath(root), configuration);
        foreach (var dll in new[] { layout.WebDll, layout.SiloDll })
        {
            if (!File.Exists(dll))
            {
                throw new InvalidOperationException($"{dll} is missing: build it with 'dotnet build -c {configuration} tools/Floyo.LoadGen'.");
            }
        }

        return layout;
    }

    private string Output(string project) =>
        Path.Combine(Root, "src", project, "bin", Configuration, TargetFramework, project + ".dll");
}
