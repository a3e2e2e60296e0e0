using Floyo.Insights;
using Floyo.Silo.Hosting;
using Floyo.Users;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Floyo.Grains.Tests.Insights;

/// <summary>
/// A cluster of its own for one ranking test class (the model grain is global, so a shipped model would change every
/// other test's ranking): memory providers, and rankers that ask for the shipped version on every ranking.
/// </summary>
public sealed class RankingClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public IServiceProvider SiloServices => Cluster.GetSiloServiceProvider(Cluster.Silos[0].SiloAddress);

    public IRecommendationModelGrain Model => Client.GetGrain<IRecommendationModelGrain>(IRecommendationModelGrain.Key);

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
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Floyo:Ranking:RefreshPeriod"] = "00:00:00" })
            .Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddFloyoGrainServices(configuration));
        builder.ConfigureClient(client => client.AddMemoryStreams(FloyoNames.StreamProvider));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
