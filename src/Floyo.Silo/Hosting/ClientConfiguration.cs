using Orleans.Configuration;

namespace Floyo.Silo.Hosting;

/// <summary>The Orleans client configuration of a Floyo.Web process that joins a cluster of Floyo.Silo processes.</summary>
public static class ClientConfiguration
{
    public static IClientBuilder ConfigureFloyoClient(this IClientBuilder client, IConfiguration configuration)
    {
        var options = configuration.GetSection(OrleansHostingOptions.Section).Get<OrleansHostingOptions>() ?? new();
        var connectionString = FloyoDatabase.ConnectionString(configuration)
            ?? throw new InvalidOperationException(
                $"{OrleansHostingOptions.Section}:Role=Client needs ConnectionStrings:{FloyoDatabase.ConnectionStringName} to find the cluster.");
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        client.UseAdoNetClustering(o =>
        {
            o.Invariant = FloyoDatabase.AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = options.ResponseTimeout);
        client.AddActivityPropagation();
        return client;
    }
}
