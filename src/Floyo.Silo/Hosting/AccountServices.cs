using Floyo.Accounts;
using Floyo.Email;
using Floyo.Privacy;
using Floyo.Silo.Accounts;
using Floyo.Silo.Email;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Floyo.Silo.Hosting;

/// <summary>What the account grains need: the password hasher, account rules, and the email outbox with its sender.</summary>
public static class AccountServices
{
    /// <summary>Options and the hasher: also registered in web processes that are cluster clients.</summary>
    public static IServiceCollection AddFloyoAccountOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<IPasswordHashing, IdentityPasswordHashing>();
        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.Section));
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section));
        return services;
    }

    /// <summary>The outbox (Postgres when configured, else memory), the transport (SMTP when configured, else a folder) and the sender.</summary>
    public static IServiceCollection AddFloyoEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFloyoAccountOptions(configuration);
        services.TryAddSingleton<OutboxSignal>();
        if (FloyoDatabase.ConnectionString(configuration) is not null)
        {
            services.TryAddSingleton<IEmailQueue, PostgresEmailQueue>();
        }
        else
        {
            services.TryAddSingleton<IEmailQueue, InMemoryEmailQueue>();
        }

        services.TryAddSingleton<IEmailOutbox>(sp => sp.GetRequiredService<IEmailQueue>());
        var usesSmtp = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>()?.UsesSmtp ?? false;
        if (usesSmtp)
        {
            services.TryAddSingleton<IEmailTransport, SmtpEmailTransport>();
        }
        else
        {
            services.TryAddSingleton<IEmailTransport, PickupFolderTransport>();
        }

        services.AddUserDataStore<EmailOutboxData>();
        services.AddHostedService<EmailDispatcher>();
        return services;
    }
}
