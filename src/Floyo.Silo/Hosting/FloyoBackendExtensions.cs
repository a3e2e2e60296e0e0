using Floyo.Silo.Health;
using Floyo.Silo.Migrations;
using Floyo.Silo.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Npgsql;

namespace Floyo.Silo.Hosting;

/// <summary>
/// Everything a Floyo process needs below the web layer: the database (when configured) with migrations at start-up,
/// telemetry, health checks, and Orleans as a silo or as a client per <see cref="OrleansHostingOptions.Role"/>.
/// </summary>
public static class FloyoBackendExtensions
{
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddFloyoBackend(this IHostApplicationBuilder builder, string serviceName, OrleansRole? forcedRole = null)
    {
        var configuration = builder.Configuration;
        var role = forcedRole ?? configuration.GetSection(OrleansHostingOptions.Section).Get<OrleansHostingOptions>()?.Role ?? OrleansRole.Silo;
        builder.AddFloyoTelemetry(serviceName);
        var health = builder.Services.AddHealthChecks().AddCheck<OrleansReadinessCheck>("orleans", tags: [ReadyTag]);
        if (FloyoDatabase.ConnectionString(configuration) is { } connectionString)
        {
            builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
            builder.Services.AddSingleton<SchemaMigrator>();
            health.AddCheck<PostgresReadinessCheck>("postgres", tags: [ReadyTag]);

            // Registered before Orleans so the schema exists before clustering starts.
            if (configuration.GetValue("Floyo:Database:MigrateOnStartup", true))
            {
                builder.Services.AddHostedService<MigrationHostedService>();
            }
        }
        else if (role == OrleansRole.Client)
        {
            throw new InvalidOperationException($"{OrleansHostingOptions.Section}:Role=Client needs ConnectionStrings:{FloyoDatabase.ConnectionStringName}.");
        }

        if (role == OrleansRole.Client)
        {
            builder.UseOrleansClient(client => client.ConfigureFloyoClient(configuration));
        }
        else
        {
            builder.UseOrleans(silo => silo.ConfigureFloyoSilo(configuration));
        }

        return builder;
    }

    /// <summary>Maps <c>/health/live</c> (the process answers), <c>/health/ready</c> (cluster and database usable) and <c>/metrics</c>.</summary>
    public static IEndpointRouteBuilder MapFloyoOperationalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        endpoints.MapPrometheusScrapingEndpoint("/metrics");
        return endpoints;
    }
}
