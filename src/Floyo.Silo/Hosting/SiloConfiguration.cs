using System.Net;
using Floyo.Activity;
using Floyo.Silo.EventLog;
using Orleans.Configuration;

namespace Floyo.Silo.Hosting;

/// <summary>The one silo configuration, used by Floyo.Silo and by Floyo.Web when it co-hosts a silo.</summary>
public static class SiloConfiguration
{
    public static ISiloBuilder ConfigureFloyoSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(OrleansHostingOptions.Section).Get<OrleansHostingOptions>() ?? new();
        var connectionString = FloyoDatabase.ConnectionString(configuration);
        if (connectionString is null)
        {
            UseMemory(silo, options);
        }
        else
        {
            UsePostgres(silo, options, connectionString);
        }

        silo.Configure<ClusterMembershipOptions>(configuration.GetSection($"{OrleansHostingOptions.Section}:Membership"));
        silo.AddMemoryStreams(FloyoNames.StreamProvider, streams => streams.ConfigurePullingAgent(agent =>
            agent.Configure(o => o.GetQueueMsgsTimerPeriod = options.StreamPollPeriod)));
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.AddActivityPropagation();
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section));
        return silo;
    }

    private static void UseMemory(ISiloBuilder silo, OrleansHostingOptions options)
    {
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        silo.AddMemoryGrainStorage(FloyoNames.GrainStorage);
        silo.AddMemoryGrainStorage(FloyoNames.PubSubStore);
        silo.UseInMemoryReminderService();
        silo.Services.AddSingleton<IEventLog, InMemoryEventLog>();
    }

    private static void UsePostgres(ISiloBuilder silo, OrleansHostingOptions options, string connectionString)
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
    }
}
