using Floyo.Silo.Hosting;
using Floyo.Users;
using Microsoft.Extensions.Options;

namespace Floyo.Web.Services.Demo;

/// <summary>Creates (or finds) the demo user at start-up and prints its API key; also seeds the configured extra keys' users.</summary>
public sealed partial class DemoSeeder(
    IOptions<DemoOptions> options,
    IConfiguration configuration,
    AccountService accounts,
    DemoUser demo,
    ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var i = 0; i < settings.ExtraApiKeys.Count; i++)
        {
            await accounts.EnsureUserWithKeyAsync(RequireWellFormed(settings.ExtraApiKeys[i], "ExtraApiKeys"), $"Load user {i + 1}", "load");
        }

        var enabled = settings.Enabled ?? (settings.ApiKey is not null || FloyoDatabase.ConnectionString(configuration) is null);
        if (!enabled)
        {
            return;
        }

        var key = RequireWellFormed(settings.ApiKey ?? ApiKeyFormat.NewKey(), "ApiKey");
        demo.Enable();
        var userId = await accounts.EnsureUserWithKeyAsync(key, "Demo user", "demo");
        demo.Seeded(userId);
        LogDemoKey(key, userId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string RequireWellFormed(string key, string setting) =>
        ApiKeyFormat.IsWellFormed(key)
            ? key
            : throw new InvalidOperationException($"{DemoOptions.Section}:{setting} must hold lowercase UUID v4 keys, optionally prefixed 'waka_'.");

    [LoggerMessage(LogLevel.Warning, "Demo user ready. API key: {ApiKey} (user {UserId}). Set Floyo__Demo__ApiKey to fix it.")]
    private partial void LogDemoKey(string apiKey, Guid userId);
}
