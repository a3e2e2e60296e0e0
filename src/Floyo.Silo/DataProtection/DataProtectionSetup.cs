using System.Security.Cryptography.X509Certificates;
using Floyo.Silo.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Npgsql;

namespace Floyo.Silo.DataProtection;

/// <summary>
/// Data Protection for web processes: keys in Postgres when a database is configured, otherwise in memory. With
/// <c>Floyo:DataProtection:CertificatePath</c> (a PKCS#12 file, password in <c>Floyo:DataProtection:CertificatePassword</c>,
/// both from a secret) every key is encrypted with the certificate before it is stored, so a copy of the database alone
/// cannot forge sessions; every pod needs the same certificate. Without it, keys are stored in the clear (ASP.NET logs a
/// warning for each).
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>One application name for every pod: keys are isolated per application name.</summary>
    public const string ApplicationName = "floyo";

    public const string CertificatePathKey = "Floyo:DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "Floyo:DataProtection:CertificatePassword";

    public static IHostApplicationBuilder AddFloyoDataProtection(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddFloyoDataProtection(builder.Configuration);
        return builder;
    }

    /// <summary>The same, for a service collection (Postgres mode needs an <see cref="NpgsqlDataSource"/> registered).</summary>
    public static IDataProtectionBuilder AddFloyoDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (FloyoDatabase.ConnectionString(configuration) is not null)
        {
            services.AddOptions<KeyManagementOptions>()
                .Configure<NpgsqlDataSource>((o, database) => o.XmlRepository = new PostgresXmlRepository(database));
        }
        else
        {
            services.Configure<KeyManagementOptions>(o => o.XmlRepository = new InMemoryXmlRepository());
        }

        if (configuration[CertificatePathKey] is { Length: > 0 } path)
        {
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordKey]));
        }

        return dataProtection;
    }
}
