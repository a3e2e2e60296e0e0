using System.Globalization;
using Floyo.Testing;

namespace Floyo.LoadGen;

/// <summary>Floyo.Web started from its built dll on free loopback ports, ready once <c>/health/ready</c> answers 200.</summary>
public sealed class WebProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly ChildProcess process;

    private WebProcess(ChildProcess process, Uri baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>Warning-or-worse lines the web logged so far.</summary>
    public int WarningLines => process.WarningLines;

    public string RecentOutput => process.RecentOutput;

    public string FirstWarnings => process.FirstWarnings;

    public TimeSpan? TotalProcessorTime => process.TotalProcessorTime;

    /// <summary>Starts the web on <paramref name="connectionString"/> (null: the in-memory embedded mode) with the demo key and the extra keys as users.</summary>
    public static async Task<WebProcess> StartAsync(
        RepoLayout repo, string? connectionString, string demoKey, IReadOnlyList<string> extraKeys,
        IReadOnlyDictionary<string, string> extraEnvironment, CancellationToken cancellationToken)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = baseUrl.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Floyo__Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Floyo__Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Floyo__Demo__Feed"] = "false",
            ["Floyo__Demo__ApiKey"] = demoKey,

            // The benchmark measures the pipeline; per-key limits (20 requests/s by default) would measure the limiter.
            ["Floyo__RateLimits__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (connectionString is not null)
        {
            environment["ConnectionStrings__Floyo"] = connectionString;
        }

        for (var i = 0; i < extraKeys.Count; i++)
        {
            environment[$"Floyo__Demo__ExtraApiKeys__{i}"] = extraKeys[i];
        }

        foreach (var (key, value) in extraEnvironment)
        {
            environment[key] = value;
        }

        var child = ChildProcess.Start("dotnet", [repo.WebDll], environment, Path.GetDirectoryName(repo.WebDll)!);
        var web = new WebProcess(child, baseUrl);
        try
        {
            await web.WaitUntilReadyAsync(cancellationToken);
            return web;
        }
        catch
        {
            await web.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Floyo.Web exited with {process.ExitCode} while starting:{Environment.NewLine}{process.RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A slow answer while starting.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        throw new TimeoutException($"Floyo.Web was not ready within {StartTimeout.TotalSeconds:0} s:{Environment.NewLine}{process.RecentOutput}");
    }
}
