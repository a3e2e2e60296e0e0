namespace Floyo.Testing;

/// <summary>Where the repository and the built Floyo programs are, found from the running test's folder.</summary>
public static class RepositoryLayout
{
    private const string SolutionFile = "Floyo.sln";

    /// <summary>The folder holding Floyo.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The built <c>src/<paramref name="project"/></c> assembly of the given configuration; throws when it is missing, since
    /// the test project must reference the project so that it is built first.
    /// </summary>
    public static string BuiltAssembly(string project, string configuration)
    {
        var path = Path.Combine(Root, "src", project, "bin", configuration, "net10.0", project + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is not built; build the test project (it references {project}).", path);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above {AppContext.BaseDirectory}.");
    }
}
