using Floyo.Activity;
using Floyo.Silo.Hosting;
using Floyo.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.Streams;
using Orleans.TestingHost;

namespace Floyo.Grains.Tests;

/// <summary>One in-process test cluster (memory providers) shared by the grain tests; each test uses fresh grain keys.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    private IServiceProvider SiloServices => Cluster.GetSiloServiceProvider(Cluster.Silos[0].SiloAddress);

    /// <summary>The silo's event log, for writing events that bypass the grains (lost notifications).</summary>
    public IEventLog EventLog => SiloServices.GetRequiredService<IEventLog>();

    public Floyo.Time.Rollups.IDayRollupStore RollupStore => SiloServices.GetRequiredService<Floyo.Time.Rollups.IDayRollupStore>();

    public IGrainStorage GrainStorage => SiloServices.GetRequiredKeyedService<IGrainStorage>(FloyoNames.GrainStorage);

    /// <summary>A new user who has consented to collection, so the sequencer accepts their events.</summary>
    public async Task<Guid> NewConsentingUserAsync()
    {
        var userId = Guid.NewGuid();
        var user = Client.GetGrain<IUserGrain>(userId);
        await user.EnsureCreatedAsync("Test user");
        await user.GrantConsentAsync(PrivacyPolicy.CurrentVersion);
        return userId;
    }

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddFloyoGrainServices(new ConfigurationBuilder().Build()));
        builder.ConfigureClient(client => client.AddMemoryStreams(FloyoNames.StreamProvider, streams => streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly)));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(nameof(ClusterCollection))]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>;
