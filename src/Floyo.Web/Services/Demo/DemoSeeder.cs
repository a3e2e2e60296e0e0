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
            await SeedAsync(RequireWellFormed(settings.ExtraApiKeys[i], "ExtraApiKeys"), $"Load user {i + 1}", "load");
        }

        var enabled = settings.Enabled ?? (settings.ApiKey is not null || FloyoDatabase.ConnectionString(configuration) is null);
        if (!enabled)
        {
            return;
        }

        var key = RequireWellFormed(settings.ApiKey ?? ApiKeyFormat.NewKey(), "ApiKey");
        demo.Enable();
        var userId = await SeedAsync(key, "Demo user", "demo");

        demo.Seeded(userId);
        LogDemoKey(key, userId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Finds or creates the user owning <paramref name="key"/>. The operator who configures demo and load users consents
    /// on their behalf, so they collect from the first second.
    /// </summary>
    private async Task<Guid> SeedAsync(string key, string displayName, string label)
    {
        var userId = await accounts.EnsureUserWithKeyAsync(key, displayName, label);
        if (!(await accounts.GetPrivacyAsync(userId)).Consented)
        {
            await accounts.GrantConsentAsync(userId, PrivacyPolicy.CurrentVersion);
        }

        return userId;
    }

    private static string RequireWellFormed(string key, string setting) =>
        ApiKeyFormat.IsWellFormed(key)
            ? key
            : throw new InvalidOperationException($"{DemoOptions.Section}:{setting} must hold lowercase UUID v4 keys, optionally prefixed 'waka_'.");

    [LoggerMessage(LogLevel.Warning, "Demo user ready. API key: {ApiKey} (user {UserId}). Set Floyo__Demo__ApiKey to fix it.")]
    private partial void LogDemoKey(string apiKey, Guid userId);
}
