using System.Globalization;
using Floyo.Activity;
using Floyo.Patterns;
using Floyo.Testing;
using Floyo.Users;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Floyo.Agent.Tests;

/// <summary>The real Floyo web app (embedded silo, memory providers) on a real Kestrel port on 127.0.0.1.</summary>
public sealed class AgentServerFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly int httpPort = FreePort.Next();

    public Uri BaseAddress => new($"http://127.0.0.1:{httpPort}/");

    public ValueTask InitializeAsync()
    {
        UseKestrel(httpPort);
        StartServer();
        return ValueTask.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Floyo:Demo:Feed", "false");
        builder.UseSetting("Floyo:Orleans:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Floyo:Orleans:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A new user with a new API key.</summary>
    public async Task<(Guid UserId, string Key)> CreateUserAsync()
    {
        var key = ApiKeyFormat.NewKey();
        var userId = await Services.GetRequiredService<AccountService>().EnsureUserWithKeyAsync(key, "Agent test user", "test");
        await Services.GetRequiredService<AccountService>().GrantConsentAsync(userId, PrivacyPolicy.CurrentVersion);
        return (userId, key);
    }

    /// <summary>The user's dashboard aggregates, including every event acknowledged so far.</summary>
    public Task<ActivitySnapshot> SnapshotAsync(Guid userId) =>
        Services.GetRequiredService<IGrainFactory>().GetGrain<IPatternDetectorGrain>(userId).GetSnapshotAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

[CollectionDefinition(nameof(ServerCollection))]
public sealed class ServerCollection : ICollectionFixture<AgentServerFixture>;
