using Floyo.Silo.Hosting;
using Floyo.Silo.Migrations;
using Npgsql;

namespace Floyo.Silo;

/// <summary><c>Floyo.Silo migrate</c>: applies pending schema migrations and exits (for Kubernetes jobs).</summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
        var logger = loggerFactory.CreateLogger("Floyo.Migrate");
        if (FloyoDatabase.ConnectionString(configuration) is not { } connectionString)
        {
            logger.LogError("migrate needs ConnectionStrings__Floyo (or --ConnectionStrings:Floyo=...)");
            return 2;
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var applied = await new SchemaMigrator(dataSource, loggerFactory.CreateLogger<SchemaMigrator>()).MigrateAsync();
        logger.LogInformation("Schema is up to date ({Count} migration(s) applied now, {Total} known)", applied.Count, SchemaMigrator.All.Count);
        return 0;
    }
}
