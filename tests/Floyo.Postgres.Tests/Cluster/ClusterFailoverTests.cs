using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Floyo.Users;
using Npgsql;
using Xunit.Sdk;

namespace Floyo.Postgres.Tests.Cluster;

/// <summary>Runs alone: it starts three processes and measures failure detection, which parallel tests would slow down.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection
{
    public const string Name = "Cluster";
}

/// <summary>Two real Floyo.Silo processes and a Floyo.Web in client mode on one Postgres database.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterFailoverTests(PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private const int DeadStatus = 6;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DeathTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PostingTimeout = TimeSpan.FromSeconds(60);

    private readonly List<FloyoProcess> processes = [];
    private readonly HttpClient probe = new() { Timeout = TimeSpan.FromSeconds(5) };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }

        probe.Dispose();
    }

    [Fact(Timeout = 180_000)]
    public async Task PostEvents_WhenTheSiloHostingTheUserIsKilledMidStream_StoresAndCountsEveryAcknowledgedEventExactlyOnce()
    {
        try
        {
            await KillMidStreamAsync(TestContext.Current.CancellationToken);
        }
        catch (Exception ex)
        {
            throw new XunitException(
                $"{ex.GetType().Name}: {ex.Message}{Environment.NewLine}{string.Join(Environment.NewLine, processes.Select(p => p.Tail()))}", ex);
        }
    }

    private async Task KillMidStreamAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        var clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..8];
        var apiKey = ApiKeyFormat.NewKey();

        FloyoProcess[] silos =
        [
            Track(FloyoProcess.StartSilo("silo-a", connectionString, clusterId)),
            Track(FloyoProcess.StartSilo("silo-b", connectionString, clusterId)),
        ];
        await Task.WhenAll(silos.Select(s => s.WaitUntilReadyAsync(probe, StartTimeout, cancellationToken)));
        var web = Track(FloyoProcess.StartWeb("web", connectionString, clusterId, apiKey));
        await web.WaitUntilReadyAsync(probe, StartTimeout, cancellationToken);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: two silos and the web are ready");

        using var client = new HttpClient { BaseAddress = web.HttpAddress, Timeout = TimeSpan.FromSeconds(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var poster = new IngestPoster(client);
        using var stop = new CancellationTokenSource();
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var posting = poster.RunAsync(DateTime.UtcNow + PostingTimeout, stop.Token, abort.Token);
        int killedAt;
        try
        {
            killedAt = await KillTheSequencingSiloAsync(silos, poster, dataSource, clusterId, clock, cancellationToken);
            await stop.CancelAsync();
            await posting;
        }
        finally
        {
            // On failure, stop the client at once instead of letting it retry against processes being killed.
            await abort.CancelAsync();
        }

        output.WriteLine(
            $"{clock.Elapsed.TotalSeconds:0.0} s: {poster.AcknowledgedBatches} batches ({poster.Acknowledged.Count} events) acknowledged, " +
            $"{poster.FailedAttempts} failed attempts retried, {poster.Duplicates} events acknowledged as duplicates");
        Assert.True(poster.AcknowledgedBatches > killedAt, "No batch was acknowledged after the kill.");

        await ExactlyOnce.VerifyAsync(poster, dataSource, client, cancellationToken);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: verified");
    }

    /// <summary>Kills the silo hosting the user's sequencer while batches keep coming, and lets the survivor serve more.</summary>
    /// <returns>How many batches were acknowledged when the silo was killed.</returns>
    private async Task<int> KillTheSequencingSiloAsync(
        FloyoProcess[] silos, IngestPoster poster, NpgsqlDataSource dataSource, string clusterId, Stopwatch clock, CancellationToken cancellationToken)
    {
        await poster.WhenAcknowledgedAsync(5).WaitAsync(PostingTimeout, cancellationToken);
        var victim = await SiloIngestingEventsAsync(silos, cancellationToken);
        await victim.KillAsync();
        var killedAt = poster.AcknowledgedBatches;
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: killed {victim.Name} after {killedAt} batches");

        await WaitUntilDeclaredDeadAsync(dataSource, clusterId, victim, cancellationToken);
        var deadAt = poster.AcknowledgedBatches;
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: {victim.Name} declared dead; {deadAt} batches acknowledged");

        // The survivor alone serves more batches; then the client stops after the batch in hand.
        await poster.WhenAcknowledgedAsync(deadAt + 5).WaitAsync(PostingTimeout, cancellationToken);
        return killedAt;
    }

    private FloyoProcess Track(FloyoProcess process)
    {
        processes.Add(process);
        return process;
    }

    /// <summary>The one silo whose <c>floyo_events_ingested</c> counter moved: it hosts the user's sequencer grain.</summary>
    private async Task<FloyoProcess> SiloIngestingEventsAsync(FloyoProcess[] silos, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<FloyoProcess, double>();
        foreach (var silo in silos)
        {
            var metrics = await probe.GetStringAsync(new Uri(silo.HttpAddress, "/metrics"), cancellationToken);
            counts[silo] = metrics.Split('\n')
                .Where(line => line.StartsWith("floyo_events_ingested", StringComparison.Ordinal))
                .Sum(line => double.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture));
        }

        return Assert.Single(counts, c => c.Value > 0).Key;
    }

    /// <summary>Polls the membership table until the killed silo is marked dead there (the survivor's vote).</summary>
    private static async Task WaitUntilDeclaredDeadAsync(NpgsqlDataSource dataSource, string clusterId, FloyoProcess silo, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + DeathTimeout;
        while (true)
        {
            var statuses = await Sql.QueryAsync(
                dataSource,
                "SELECT status FROM orleans_membership WHERE deployment_id = $1 AND port = $2",
                r => r.GetInt32(0),
                cancellationToken,
                clusterId,
                silo.SiloPort);
            if (statuses is [DeadStatus])
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{silo.Name} was not declared dead within {DeathTimeout.TotalSeconds:0} s (statuses: {string.Join(", ", statuses)}).");
            await Task.Delay(200, cancellationToken);
        }
    }
}
