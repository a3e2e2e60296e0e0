using System.Net;
using Floyo.Activity;
using Floyo.Insights;
using Floyo.Insights.Learning;
using Floyo.Patterns.Detectors;
using Floyo.Privacy;
using Floyo.Silo.EventLog;
using Floyo.Silo.Insights;
using Floyo.Silo.Privacy;
using Floyo.Silo.Rollups;
using Floyo.Time.Rollups;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Streams;

namespace Floyo.Silo.Hosting;

/// <summary>The one silo configuration, used by Floyo.Silo and by Floyo.Web when it co-hosts a silo.</summary>
public static class SiloConfiguration
{
    /// <summary>A complete silo: how it finds its cluster (localhost, or Postgres clustering) plus <see cref="AddFloyoGrainServices"/>.</summary>
    public static ISiloBuilder ConfigureFloyoSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(OrleansHostingOptions.Section).Get<OrleansHostingOptions>() ?? new();
        if (FloyoDatabase.ConnectionString(configuration) is { } connectionString)
        {
            UsePostgresClustering(silo, options, connectionString);
        }
        else
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        }

        silo.Configure<ClusterMembershipOptions>(configuration.GetSection($"{OrleansHostingOptions.Section}:Membership"));
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = options.ResponseTimeout);
        return silo.AddFloyoGrainServices(configuration);
    }

    /// <summary>
    /// Everything Floyo's grains need except cluster membership: storage, reminders, streams and the event log, in
    /// memory or in Postgres. Test clusters call this directly and bring their own membership.
    /// </summary>
    public static ISiloBuilder AddFloyoGrainServices(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(OrleansHostingOptions.Section).Get<OrleansHostingOptions>() ?? new();
        if (FloyoDatabase.ConnectionString(configuration) is { } connectionString)
        {
            UsePostgresStorage(silo, connectionString);
        }
        else
        {
            UseMemoryStorage(silo);
        }

        // Implicit subscriptions only: nothing subscribes explicitly, and explicit pub-sub would keep a rendezvous row
        // per user stream (keyed by the user id) in the PubSubStore that account deletion would have to chase.
        silo.AddMemoryStreams(FloyoNames.StreamProvider, streams =>
        {
            streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
            streams.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = options.StreamPollPeriod));
        });
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.AddActivityPropagation();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<IRecommendationRanker, ModelRecommendationRanker>();
        silo.Services.AddOptions<RankingOptions>().Bind(configuration.GetSection(RankingOptions.Section));
        silo.Services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section));
        silo.Services.AddOptions<PatternOptions>().Bind(configuration.GetSection(PatternOptions.Section));
        silo.Services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section));
        silo.Services.AddFloyoUserDataStores();
        silo.Services.AddFloyoEmail(configuration);
        return silo;
    }

    private static void UseMemoryStorage(ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(FloyoNames.GrainStorage);
        silo.AddMemoryGrainStorage(FloyoNames.PubSubStore);
        silo.UseInMemoryReminderService();
        silo.Services.AddSingleton<IEventLog, InMemoryEventLog>();
        silo.Services.AddSingleton<IDayRollupStore, InMemoryDayRollupStore>();
        silo.Services.AddSingleton<IRecommendationFeedbackLog, InMemoryRecommendationFeedbackLog>();
        silo.Services.AddSingleton<IRecommendationModelStore, InMemoryRecommendationModelStore>();
        silo.Services.AddSingleton<IAuditLog, InMemoryAuditLog>();
    }

    private static void UsePostgresClustering(ISiloBuilder silo, OrleansHostingOptions options, string connectionString)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        var advertised = options.AdvertisedIp ?? Environment.GetEnvironmentVariable("POD_IP");
        silo.ConfigureEndpoints(
            advertised is null ? IPAddress.Loopback : IPAddress.Parse(advertised),
            options.SiloPort,
            options.GatewayPort,
            listenOnAnyHostAddress: advertised is not null);
        if ((options.SiloName ?? Environment.GetEnvironmentVariable("POD_NAME")) is { } name)
        {
            silo.Configure<SiloOptions>(o => o.SiloName = name);
        }

        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = FloyoDatabase.AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
    }

    private static void UsePostgresStorage(ISiloBuilder silo, string connectionString)
    {
        foreach (var storage in new[] { FloyoNames.GrainStorage, FloyoNames.PubSubStore })
        {
            silo.AddAdoNetGrainStorage(storage, o =>
            {
                o.Invariant = FloyoDatabase.AdoNetInvariant;
                o.ConnectionString = connectionString;

                // Clearing a grain's state removes its row: account deletion must leave nothing behind.
                o.DeleteStateOnClear = true;
            });
        }

        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = FloyoDatabase.AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
        silo.Services.AddSingleton<GroupCommitWriter>();
        silo.Services.AddSingleton<IEventLog, PostgresEventLog>();
        silo.Services.AddSingleton<IDayRollupStore, PostgresDayRollupStore>();
        silo.Services.AddSingleton<IRecommendationFeedbackLog, PostgresRecommendationFeedbackLog>();
        silo.Services.AddSingleton<IRecommendationModelStore, PostgresRecommendationModelStore>();
        silo.Services.AddSingleton<IAuditLog, PostgresAuditLog>();
        silo.Services.AddSingleton<EventLogRetention>();
    }
}
