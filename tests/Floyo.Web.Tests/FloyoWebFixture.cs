using System.Net.Http.Headers;
using Floyo.Testing;
using Floyo.Users;
using Floyo.Web.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Floyo.Web.Tests;

/// <summary>
/// The real web app (embedded default: co-hosted silo, memory providers) on a real Kestrel port on 127.0.0.1.
/// Tests talk to it with real HTTP and the real SignalR client.
/// </summary>
public class FloyoWebFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoKey = "waka_5d2e6f7a-1b3c-4d5e-8f90-a1b2c3d4e5f6";

    private readonly int httpPort = FreePort.Next();

    public Uri BaseAddress => new($"http://127.0.0.1:{httpPort}");

    /// <summary>This app's pickup folder: where its mail goes without SMTP (shown at /dev/mailbox).</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "floyo-test-mail-" + Guid.NewGuid().ToString("N"));

    public ValueTask InitializeAsync()
    {
        UseKestrel(httpPort);
        StartServer();
        return ValueTask.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Floyo:Demo:ApiKey", DemoKey);
        builder.UseSetting("Floyo:Demo:Feed", "false");
        builder.UseSetting("Floyo:Orleans:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Floyo:Orleans:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Floyo:Accounts:PublicUrl", BaseAddress.ToString());
        builder.UseSetting("Floyo:Sessions:CircuitRevalidation", "00:00:01");
        builder.UseSetting("Floyo:Email:PickupFolder", MailFolder);

        // Every test signs up and logs in from 127.0.0.1; the account limits have tests of their own.
        builder.UseSetting("Floyo:RateLimits:AccountPerIp:Burst", "100000");
        builder.UseSetting("Floyo:RateLimits:AccountPerEmail:Burst", "100000");
        ConfigureSettings(builder);
    }

    /// <summary>Extra settings of a specialised fixture.</summary>
    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
    }

    /// <summary>An HTTP client on the real port, sending <paramref name="apiKey"/> as a bearer token when given.</summary>
    public HttpClient Http(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    /// <summary>A new user with a new key, consenting unless told otherwise (there is no sign-up API yet; the facade is what sign-up will call).</summary>
    public async Task<(Guid UserId, string Key)> CreateUserAsync(bool consented = true)
    {
        var key = ApiKeyFormat.NewKey();
        var userId = await Services.GetRequiredService<AccountService>().EnsureUserWithKeyAsync(key, "Test user", "test");
        if (consented)
        {
            await Services.GetRequiredService<AccountService>().GrantConsentAsync(userId, PrivacyPolicy.CurrentVersion);
        }

        return (userId, key);
    }

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>A started SignalR connection to /hubs/live authenticated by <paramref name="apiKey"/> as access_token.</summary>
    public async Task<HubConnection> ConnectLiveAsync(string apiKey)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(apiKey))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}

[CollectionDefinition(nameof(WebCollection))]
public sealed class WebCollection : ICollectionFixture<FloyoWebFixture>;
