namespace Floyo.LoadGen;

/// <summary>Creates Floyo's schema in a database the product's own way: <c>dotnet Floyo.Silo.dll migrate</c>.</summary>
public static class SchemaTool
{
    public static async Task MigrateAsync(RepoLayout repo, string connectionString, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string> { ["ConnectionStrings__Floyo"] = connectionString };
        await using var migrate = ChildProcess.Start("dotnet", [repo.SiloDll, "migrate"], environment, Path.GetDirectoryName(repo.SiloDll)!);
        var exitCode = await migrate.WaitForExitAsync(cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"Floyo.Silo migrate failed ({exitCode}):{Environment.NewLine}{migrate.RecentOutput}");
        }
    }
}
