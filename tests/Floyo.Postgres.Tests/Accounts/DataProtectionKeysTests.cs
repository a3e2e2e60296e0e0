using Floyo.Silo.DataProtection;
using Floyo.Silo.Migrations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
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
