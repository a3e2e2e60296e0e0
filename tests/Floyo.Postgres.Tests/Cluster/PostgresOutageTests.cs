using System.Diagnostics;
using System.Net.Http.Headers;
using Floyo.Users;
using Npgsql;
using Xunit.Sdk;

namespace Floyo.Postgres.Tests.Cluster;

/// <summary>PostgreSQL stops and comes back while a client keeps posting: 503 with Retry-After meanwhile, nothing lost or doubled.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PostgresOutageTests(DurablePostgresFixture postgres, ITestOutputHelper output) : IClassFixture<DurablePostgresFixture>, IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PostingTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan OutageTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient probe = new() { Timeout = TimeSpan.FromSeconds(5) };
    private FloyoProcess? web;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (web is not null)
        {
            await web.DisposeAsync();
        }

        probe.Dispose();
    }

    [Fact(Timeout = 180_000)]
    public async Task PostEvents_WhilePostgresIsDownAndBack_Answers503ThenStoresEveryAcknowledgedEventExactlyOnce()
    {
        try
        {
            await RunOutageAsync(TestContext.Current.CancellationToken);
        }
        catch (Exception ex) when (web is not null)
        {
            throw new XunitException($"{ex.GetType().Name}: {ex.Message}{Environment.NewLine}{web.Tail()}", ex);
        }
    }

    private async Task RunOutageAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        var apiKey = ApiKeyFormat.NewKey();
        web = FloyoProcess.StartEmbeddedWeb("web", connectionString, "outage-" + Guid.NewGuid().ToString("N")[..8], apiKey);
        await web.WaitUntilReadyAsync(probe, StartTimeout, cancellationToken);

        using var client = new HttpClient { BaseAddress = web.HttpAddress, Timeout = TimeSpan.FromSeconds(15) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var poster = new IngestPoster(client);
        using var stop = new CancellationTokenSource();
        var posting = poster.RunAsync(DateTime.UtcNow + PostingTimeout, stop.Token, cancellationToken);

        await poster.WhenAcknowledgedAsync(5).WaitAsync(PostingTimeout, cancellationToken);
        await postgres.Server.StopServerAsync();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: PostgreSQL stopped after {poster.AcknowledgedBatches} batches");
        await WaitForFailedAttemptsAsync(poster, 3, cancellationToken);
        var duringOutage = poster.AcknowledgedBatches;
        await postgres.Server.StartServerAsync();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: PostgreSQL back; failures so far: {string.Join(", ", poster.FailureKinds.Distinct())}");

        await poster.WhenAcknowledgedAsync(duringOutage + 5).WaitAsync(PostingTimeout, cancellationToken);
        await stop.CancelAsync();
        await posting;

        Assert.Contains(poster.FailureKinds, kind => kind.StartsWith("503 Retry-After:", StringComparison.Ordinal));
        Assert.DoesNotContain(poster.FailureKinds, kind => kind.StartsWith('5') && !kind.StartsWith("503", StringComparison.Ordinal));
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await ExactlyOnce.VerifyAsync(poster, dataSource, client, cancellationToken);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: {poster.Acknowledged.Count} events verified; {poster.FailedAttempts} failed attempts retried");
    }

    /// <summary>Waits until the client has seen <paramref name="count"/> failed attempts (the outage is visible to it).</summary>
    private static async Task WaitForFailedAttemptsAsync(IngestPoster poster, int count, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + OutageTimeout;
        while (poster.FailedAttempts < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The client saw only {poster.FailedAttempts} failed attempts while PostgreSQL was down.");
            await Task.Delay(100, cancellationToken);
        }
    }
}
