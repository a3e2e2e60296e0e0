using Floyo.Silo.DataProtection;
using Floyo.Silo.Migrations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Floyo.Postgres.Tests.Accounts;

/// <summary>
/// Two web processes' Data Protection stacks (separate service providers, as in two pods) sharing one Postgres: what
/// one protects (session cookies, antiforgery tokens, …) the other unprotects.
/// </summary>
public sealed class DataProtectionKeysTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static ServiceProvider Pod(NpgsqlDataSource database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().SetApplicationName(DataProtectionSetup.ApplicationName);
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new PostgresXmlRepository(database));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task TwoPods_SharingPostgres_UnprotectEachOthersPayloads()
    {
        await using var database = NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync());
        await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken);
        await using var first = Pod(database);
        await using var second = Pod(database);
        const string purpose = "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware";

        var protectedByFirst = first.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Protect("session of user 42");
        var readBySecond = second.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Unprotect(protectedByFirst);
        var keyRows = await Sql.QueryAsync(database, "SELECT count(*) FROM floyo_data_protection_keys", r => r.GetInt64(0), TestContext.Current.CancellationToken);

        Assert.Equal("session of user 42", readBySecond);
        Assert.Equal(1, Assert.Single(keyRows));
    }

    [Fact]
    public async Task Pods_WithAKeyCertificate_StoreOnlyEncryptedKeysAndAPodWithoutItCannotReadThem()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        await using var database = NpgsqlDataSource.Create(connectionString);
        await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(cancellationToken);
        var certificate = Path.Combine(Path.GetTempPath(), $"floyo-dp-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(certificate, SelfSignedPkcs12("pfx password"), cancellationToken);
        try
        {
            await using var first = ConfiguredPod(database, connectionString, certificate, "pfx password");
            await using var second = ConfiguredPod(database, connectionString, certificate, "pfx password");
            await using var withoutCertificate = ConfiguredPod(database, connectionString, null, null);

            var payload = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("p").Protect("session of user 7");
            var xml = await Sql.StringsAsync(database, "SELECT xml FROM floyo_data_protection_keys", cancellationToken);

            Assert.Equal("session of user 7", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("p").Unprotect(payload));
            Assert.Contains("EncryptedXmlDecryptor", Assert.Single(xml), StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml[0], StringComparison.Ordinal);
            Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(
                () => withoutCertificate.GetRequiredService<IDataProtectionProvider>().CreateProtector("p").Unprotect(payload));
        }
        finally
        {
            File.Delete(certificate);
        }
    }

    /// <summary>A pod set up the way the web is (<see cref="DataProtectionSetup.AddFloyoDataProtection(IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration)"/>).</summary>
    private static ServiceProvider ConfiguredPod(NpgsqlDataSource database, string connectionString, string? certificatePath, string? password)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Floyo"] = connectionString,
            [DataProtectionSetup.CertificatePathKey] = certificatePath,
            [DataProtectionSetup.CertificatePasswordKey] = password,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(database);
        services.AddFloyoDataProtection(configuration);
        return services.BuildServiceProvider();
    }

    private static byte[] SelfSignedPkcs12(string password)
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=floyo-data-protection-test", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12, password);
    }

    [Fact]
    public async Task Pod_WithAnotherDatabase_CannotReadThePayload()
    {
        await using var shared = NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync());
        await using var elsewhere = NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync());
        foreach (var database in new[] { shared, elsewhere })
        {
            await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken);
        }

        await using var first = Pod(shared);
        await using var stranger = Pod(elsewhere);

        var payload = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("p").Protect("secret");

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => stranger.GetRequiredService<IDataProtectionProvider>().CreateProtector("p").Unprotect(payload));
    }
}
