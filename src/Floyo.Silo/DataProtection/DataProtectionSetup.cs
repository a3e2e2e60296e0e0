using Floyo.Silo.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Npgsql;

namespace Floyo.Silo.DataProtection;

/// <summary>Data Protection for web processes: keys in Postgres when a database is configured, otherwise in memory.</summary>
public static class DataProtectionSetup
{
    /// <summary>One application name for every pod: keys are isolated per application name.</summary>
    public const string ApplicationName = "floyo";

    public static IHostApplicationBuilder AddFloyoDataProtection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        if (FloyoDatabase.ConnectionString(builder.Configuration) is not null)
        {
            builder.Services.AddOptions<KeyManagementOptions>()
                .Configure<NpgsqlDataSource>((o, database) => o.XmlRepository = new PostgresXmlRepository(database));
        }
        else
        {
            builder.Services.Configure<KeyManagementOptions>(o => o.XmlRepository = new InMemoryXmlRepository());
        }

        return builder;
    }
}
