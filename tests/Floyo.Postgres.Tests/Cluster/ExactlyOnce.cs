using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Floyo.Silo.EventLog;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Floyo.Postgres.Tests.Cluster;

/// <summary>
/// The durability promise, checked: every acknowledged event is in the log exactly once, under the sequence number the
/// client was told, the user's log is contiguous, and the aggregates count each event once.
/// </summary>
internal static class ExactlyOnce
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(60);

    public static async Task VerifyAsync(IngestPoster poster, NpgsqlDataSource dataSource, HttpClient client, CancellationToken cancellationToken)
    {
        // The rows are compact (user keys, encoded bodies): read them back through the log's own reader.
        var userId = Assert.Single(await Sql.QueryAsync(dataSource, "SELECT user_id FROM floyo_event_log_users", r => r.GetGuid(0), cancellationToken));
        var rows = await ReadLogAsync(dataSource, userId, cancellationToken);
        Assert.Equal([(long)rows.Count], await Sql.QueryAsync(dataSource, "SELECT count(*) FROM floyo_event_log", r => r.GetInt64(0), cancellationToken));
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(n => (long)n), rows.Select(r => r.Sequence));
        Assert.Equal(rows.Count, rows.Select(r => r.ClientId).Distinct().Count());
        var told = poster.Acknowledged.ToDictionary(a => a.Key, a => a.Value.Sequence);
        var stored = rows.ToDictionary(r => r.ClientId, r => r.Sequence);
        var mismatches = told.Where(t => !stored.TryGetValue(t.Key, out var s) || s != t.Value).Select(t => $"{t.Key}: told {t.Value}, stored {stored.GetValueOrDefault(t.Key)}")
            .Concat(stored.Where(s => !told.ContainsKey(s.Key)).Select(s => $"{s.Key}: stored {s.Value}, never acknowledged"))
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join("; ", mismatches.Take(20)));

        var snapshot = await ReadSnapshotAsync(client, cancellationToken);
        var events = poster.Acknowledged.Values.Select(a => a.Event).ToList();
        var today = events.Where(e => DateOnly.FromDateTime(e.Timestamp.UtcDateTime) == snapshot.Day).ToList();
        Assert.Equal((userId, (long)events.Count, (long)events.Count), (snapshot.UserId, snapshot.LastSequence, snapshot.TotalEvents));
        Assert.Equal(CountBy(today, e => e.Kind), ToDictionary(snapshot.TodayByKind));
        Assert.Equal(CountBy(today, e => e.Extension), ToDictionary(snapshot.TodayByExtension));
        Assert.Equal(CountBy(today, e => e.Project), ToDictionary(snapshot.TodayByProject));
    }

    private static async Task<List<(long Sequence, string ClientId)>> ReadLogAsync(NpgsqlDataSource dataSource, Guid userId, CancellationToken cancellationToken)
    {
        await using var writer = new GroupCommitWriter(dataSource, NullLogger<GroupCommitWriter>.Instance);
        var events = await new PostgresEventLog(dataSource, writer).ReadAsync(userId, 0, int.MaxValue, cancellationToken);
        return [.. events.Select(e => (e.Sequence, e.Event.ClientEventId!))];
    }

    /// <summary>Reads the caller's aggregates, retrying while the backend answers 503 (e.g. while it still settles).</summary>
    private static async Task<ActivitySnapshotResponse> ReadSnapshotAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + SettleTimeout;
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/api/v1/activity/today", UriKind.Relative), cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (await response.Content.ReadFromJsonAsync<ActivitySnapshotResponse>(JsonSerializerOptions.Web, cancellationToken))!;
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline, $"GET /api/v1/activity/today answered {(int)response.StatusCode}: {text}");
            await Task.Delay(250, cancellationToken);
        }
    }

    private static Dictionary<string, long> CountBy(IEnumerable<PostedEvent> events, Func<PostedEvent, string> key) =>
        events.GroupBy(key).ToDictionary(g => g.Key, g => (long)g.Count());

    private static Dictionary<string, long> ToDictionary(IEnumerable<NamedCountResponse> counts) => counts.ToDictionary(c => c.Name, c => c.Count);

    private sealed record ActivitySnapshotResponse(
        Guid UserId, DateOnly Day, long LastSequence, long TotalEvents, List<NamedCountResponse> TodayByKind,
        List<NamedCountResponse> TodayByExtension, List<NamedCountResponse> TodayByProject);

    private sealed record NamedCountResponse(string Name, long Count);
}
