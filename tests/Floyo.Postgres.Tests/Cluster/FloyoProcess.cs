using System.Globalization;
using System.Reflection;
using Floyo.Testing;

namespace Floyo.Postgres.Tests.Cluster;

/// <summary>A built Floyo.Silo or Floyo.Web started as a child process on 127.0.0.1, with its ports.</summary>
internal sealed class FloyoProcess : IAsyncDisposable
{
    private static readonly string Configuration =
        typeof(FloyoProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private readonly ChildProcess process;

    private FloyoProcess(ChildProcess process, Uri httpAddress, int siloPort)
    {
        this.process = process;
        HttpAddress = httpAddress;
        SiloPort = siloPort;
    }

    public string Name => process.Name;

    public Uri HttpAddress { get; }

    /// <summary>The silo-to-silo port (0 for a web process in client mode).</summary>
    public int SiloPort { get; }

    public bool HasExited => process.HasExited;

    /// <summary>Starts a Floyo.Silo with fast failure detection, so a killed silo is declared dead within seconds.</summary>
    public static FloyoProcess StartSilo(string name, string connectionString, string clusterId)
    {
        var siloPort = FreePort.Next();
        var environment = CommonEnvironment(connectionString, clusterId, out var httpAddress);
        environment["Floyo__Orleans__SiloName"] = name;
        environment["Floyo__Orleans__SiloPort"] = Text(siloPort);
        environment["Floyo__Orleans__GatewayPort"] = Text(FreePort.Next());
        environment["Floyo__Orleans__Membership__ProbeTimeout"] = "00:00:01";
        environment["Floyo__Orleans__Membership__NumMissedProbesLimit"] = "2";
        environment["Floyo__Orleans__Membership__TableRefreshTimeout"] = "00:00:02";
        environment["Floyo__Orleans__Membership__IAmAliveTablePublishTimeout"] = "00:00:05";
        environment["Floyo__Orleans__Membership__DeathVoteExpirationTimeout"] = "00:00:30";
        return new FloyoProcess(Start(name, "Floyo.Silo", environment), httpAddress, siloPort);
    }

    /// <summary>Starts a Floyo.Web in client mode whose demo user owns <paramref name="apiKey"/>.</summary>
    public static FloyoProcess StartWeb(string name, string connectionString, string clusterId, string apiKey)
    {
        var environment = CommonEnvironment(connectionString, clusterId, out var httpAddress);
        environment["Floyo__Orleans__Role"] = "Client";
        environment["Floyo__Demo__ApiKey"] = apiKey;
        environment["Floyo__Demo__Feed"] = "false";
        return new FloyoProcess(Start(name, "Floyo.Web", environment), httpAddress, 0);
    }

    /// <summary>Starts a Floyo.Web that co-hosts its own silo on Postgres (the single-process Postgres mode).</summary>
    public static FloyoProcess StartEmbeddedWeb(string name, string connectionString, string clusterId, string apiKey)
    {
        var siloPort = FreePort.Next();
        var environment = CommonEnvironment(connectionString, clusterId, out var httpAddress);
        environment["Floyo__Orleans__SiloPort"] = Text(siloPort);
        environment["Floyo__Orleans__GatewayPort"] = Text(FreePort.Next());
        environment["Floyo__Demo__ApiKey"] = apiKey;
        environment["Floyo__Demo__Feed"] = "false";
        return new FloyoProcess(Start(name, "Floyo.Web", environment), httpAddress, siloPort);
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200; fails with the process's output if it exits or the deadline passes.</summary>
    public async Task WaitUntilReadyAsync(HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer yet";
        while (true)
        {
            if (process.HasExited)
            {
                Assert.Fail($"{Name} exited before it was ready.{Environment.NewLine}{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(HttpAddress, "/health/ready"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                last = ex.Message;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{Name} was not ready within {timeout.TotalSeconds:0} s (last: {last}).{Environment.NewLine}{Tail()}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    public Task KillAsync() => process.KillAsync();

    public string Tail(int lines = 60) => process.Tail(lines);

    public ValueTask DisposeAsync() => process.DisposeAsync();

    private static Dictionary<string, string> CommonEnvironment(string connectionString, string clusterId, out Uri httpAddress)
    {
        httpAddress = new Uri($"http://127.0.0.1:{Text(FreePort.Next())}");
        return new Dictionary<string, string>
        {
            ["ConnectionStrings__Floyo"] = connectionString,
            ["Floyo__Orleans__ClusterId"] = clusterId,
            ["ASPNETCORE_URLS"] = httpAddress.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            ["Logging__LogLevel__Orleans"] = "Warning",
            ["Logging__LogLevel__Polly"] = "Warning",
        };
    }

    private static ChildProcess Start(string name, string project, Dictionary<string, string> environment)
    {
        var assembly = RepositoryLayout.BuiltAssembly(project, Configuration);
        return ChildProcess.Start(name, "dotnet", [assembly], environment, Path.GetDirectoryName(assembly)!);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
