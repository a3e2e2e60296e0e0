using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Floyo.LoadGen;

/// <summary>The part of the hub's <c>Activity(ActivityUpdate)</c> message this tool reads.</summary>
public sealed record PushedUpdate(Guid UserId, long LastSequence);

/// <summary>The part of the hub's <c>Insights(InsightsSnapshot)</c> message this tool reads.</summary>
public sealed record PushedInsights(Guid UserId, long Checkpoint);

/// <summary>
/// One dashboard: a SignalR connection to <c>/hubs/live</c> with a user's API key. It records when each higher
/// <c>lastSequence</c> (activity) and <c>checkpoint</c> (insights) first arrived, which is all the ingest → push
/// latencies need.
/// </summary>
public sealed class LiveListener : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly List<long> sequences = [];
    private readonly List<long> timestamps = [];
    private readonly List<long> insightCheckpoints = [];
    private readonly List<long> insightTimestamps = [];
    private readonly Lock gate = new();
    private long highest;
    private int messages;
    private int closedUnexpectedly;
    private bool disposing;

    private LiveListener(HubConnection connection, int userIndex)
    {
        this.connection = connection;
        UserIndex = userIndex;
        connection.On<PushedUpdate>("Activity", OnActivity);
        connection.On<PushedInsights>("Insights", OnInsights);
        connection.Closed += _ =>
        {
            if (!Volatile.Read(ref disposing))
            {
                Interlocked.Increment(ref closedUnexpectedly);
            }

            return Task.CompletedTask;
        };
    }

    public int UserIndex { get; }

    public int Messages => Volatile.Read(ref messages);

    /// <summary>1 when the connection closed during the run without being asked to.</summary>
    public int Disconnects => Volatile.Read(ref closedUnexpectedly);

    public long HighestSequence
    {
        get
        {
            lock (gate)
            {
                return highest;
            }
        }
    }

    /// <summary>Connects and fetches the snapshot (as a dashboard does), which also guarantees the hub has subscribed for the user.</summary>
    public static async Task<LiveListener> ConnectAsync(Uri baseUrl, string apiKey, int userIndex, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(apiKey))
            .Build();
        var listener = new LiveListener(connection, userIndex);
        try
        {
            await connection.StartAsync(cancellationToken);
            await connection.InvokeAsync<JsonElement>("GetSnapshot", cancellationToken);
            return listener;
        }
        catch
        {
            await listener.DisposeAsync();
            throw;
        }
    }

    /// <summary>The arrivals of each higher sequence: <c>Sequences[i]</c> first reached at <see cref="Stopwatch"/> timestamp <c>Timestamps[i]</c>.</summary>
    public (long[] Sequences, long[] Timestamps) Arrivals()
    {
        lock (gate)
        {
            return ([.. sequences], [.. timestamps]);
        }
    }

    /// <summary>The arrivals of each higher insights checkpoint, like <see cref="Arrivals"/>.</summary>
    public (long[] Sequences, long[] Timestamps) InsightArrivals()
    {
        lock (gate)
        {
            return ([.. insightCheckpoints], [.. insightTimestamps]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref disposing, true);
        await connection.DisposeAsync();
    }

    private void OnActivity(PushedUpdate update)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref messages);
        lock (gate)
        {
            if (update.LastSequence > highest)
            {
                highest = update.LastSequence;
                sequences.Add(update.LastSequence);
                timestamps.Add(now);
            }
        }
    }

    private void OnInsights(PushedInsights snapshot)
    {
        var now = Stopwatch.GetTimestamp();
        lock (gate)
        {
            if (insightCheckpoints.Count == 0 || snapshot.Checkpoint > insightCheckpoints[^1])
            {
                insightCheckpoints.Add(snapshot.Checkpoint);
                insightTimestamps.Add(now);
            }
        }
    }
}
