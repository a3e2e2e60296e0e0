using Floyo.Testing;

namespace Floyo.LoadGen;

/// <summary>
/// The Floyo.Web under load and its users' API keys: either one this tool started (with its durable PostgreSQL, kept
/// for the COPY baseline) or an external one. Disposing stops whatever this tool started.
/// </summary>
public sealed class LoadTarget : IAsyncDisposable
{
    private readonly PostgresStopper? postgresStopper;
    private WebProcess? web;

    private LoadTarget(Uri baseUrl, IReadOnlyList<string> keys, WebProcess? web, PostgresStopper? postgresStopper)
    {
        BaseUrl = baseUrl;
        Keys = keys;
        this.web = web;
        this.postgresStopper = postgresStopper;
    }

    public Uri BaseUrl { get; }

    /// <summary>One API key per simulated user.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The durable server this tool started, when self-hosting on Postgres.</summary>
    public PostgresServer? Postgres => postgresStopper?.Server;

    /// <summary>Warning-or-worse lines the self-hosted web logged (null for an external target).</summary>
    public int? WebWarnings => web?.WarningLines;

    public string? WebRecentOutput => web?.RecentOutput;

    /// <summary>CPU time the self-hosted web has used so far (null for an external target).</summary>
    public TimeSpan? WebProcessorTime => web?.TotalProcessorTime;

    /// <summary>The first warnings the self-hosted web logged, kept after it stopped.</summary>
    public string? WebFirstWarnings { get; private set; }

    /// <summary>The self-hosted web's database; the COPY baseline reads the stored rows back from it.</summary>
    public const string ApiDatabase = "floyo_api";

    public static LoadTarget External(Uri baseUrl, IReadOnlyList<string> keys) => new(baseUrl, keys, null, null);

    /// <summary>Starts a durable PostgreSQL (unless in memory) and Floyo.Web with one seeded API key per user.</summary>
    public static async Task<LoadTarget> SelfHostAsync(LoadGenOptions options, RepoLayout repo, CancellationToken cancellationToken)
    {
        var keys = Enumerable.Range(0, options.Users).Select(_ => "waka_" + Guid.NewGuid().ToString("D")).ToList();
        PostgresStopper? postgres = null;
        try
        {
            string? connectionString = null;
            if (options.Storage == Storage.Postgres)
            {
                postgres = new PostgresStopper(await PostgresServer.StartAsync(durable: true));
                connectionString = await postgres.Server.CreateDatabaseAsync(ApiDatabase);
            }

            var web = await WebProcess.StartAsync(repo, connectionString, keys[0], keys[1..], options.WebEnvironment, cancellationToken);
            return new LoadTarget(web.BaseUrl, keys, web, postgres);
        }
        catch
        {
            if (postgres is not null)
            {
                await postgres.StopAsync();
            }

            throw;
        }
    }

    /// <summary>Stops the self-hosted web (keeping PostgreSQL for the baseline); returns its warning count.</summary>
    public async Task<int?> StopWebAsync()
    {
        var warnings = WebWarnings;
        if (web is not null)
        {
            WebFirstWarnings = web.FirstWarnings;
            await web.DisposeAsync();
            web = null;
        }

        return warnings;
    }

    public async ValueTask DisposeAsync()
    {
        await StopWebAsync();

        if (postgresStopper is not null)
        {
            await postgresStopper.StopAsync();
        }
    }

    /// <summary>Stops the server exactly once, whether the normal path or <see cref="EmergencyCleanup"/> gets there first.</summary>
    private sealed class PostgresStopper
    {
        private readonly Lazy<Task> stop;
        private readonly IDisposable emergency;

        public PostgresStopper(PostgresServer server)
        {
            Server = server;
            stop = new Lazy<Task>(() => server.DisposeAsync().AsTask());
            emergency = EmergencyCleanup.Register(() => stop.Value.GetAwaiter().GetResult());
        }

        public PostgresServer Server { get; }

        public async Task StopAsync()
        {
            await stop.Value;
            emergency.Dispose();
        }
    }
}
