using Floyo.Silo.Hosting;
using Floyo.Users;
using Microsoft.Extensions.Options;

namespace Floyo.Web.Services.Demo;

/// <summary>Creates (or finds) the demo user at start-up and prints its API key.</summary>
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
        var enabled = settings.Enabled ?? (settings.ApiKey is not null || FloyoDatabase.ConnectionString(configuration) is null);
        if (!enabled)
        {
            return;
        }

        var key = settings.ApiKey ?? ApiKeyFormat.NewKey();
        if (!ApiKeyFormat.IsWellFormed(key))
        {
            throw new InvalidOperationException($"{DemoOptions.Section}:ApiKey must be a lowercase UUID v4, optionally prefixed 'waka_'.");
        }

        demo.Enable();
        var userId = await accounts.EnsureUserWithKeyAsync(key, "Demo user", "demo");

        // The operator who configures a demo consents on its behalf, so the demo collects from the first second.
        if (!(await accounts.GetPrivacyAsync(userId)).Consented)
        {
            await accounts.GrantConsentAsync(userId, PrivacyPolicy.CurrentVersion);
        }

        demo.Seeded(userId);
        LogDemoKey(key, userId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Warning, "Demo user ready. API key: {ApiKey} (user {UserId}). Set Floyo__Demo__ApiKey to fix it.")]
    private partial void LogDemoKey(string apiKey, Guid userId);
}
