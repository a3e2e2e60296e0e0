using System.Globalization;
using Floyo.Silo.Hosting;
using Floyo.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Floyo.Postgres.Tests;

/// <summary>A Floyo silo on Postgres hosted in the test process, configured exactly as Floyo.Silo configures itself.</summary>
internal sealed class SiloHost : IAsyncDisposable
{
    private readonly IHost host;

    private SiloHost(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<SiloHost> StartAsync(string connectionString, string clusterId, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{FloyoDatabase.ConnectionStringName}"] = connectionString,
            [$"{OrleansHostingOptions.Section}:ClusterId"] = clusterId,
            [$"{OrleansHostingOptions.Section}:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            [$"{OrleansHostingOptions.Section}:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        });
        builder.AddFloyoBackend("floyo-test", OrleansRole.Silo);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new SiloHost(host);
    }

    /// <summary>Stops the silo gracefully: grains deactivate (and write their state) and the silo leaves the cluster.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync(CancellationToken.None);
        }
        finally
        {
            if (host is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
            else
            {
                host.Dispose();
            }
        }
    }
}
