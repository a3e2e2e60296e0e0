using System.Text.Json;
using Floyo.Activity;
using Floyo.Testing;
using Npgsql;

namespace Floyo.StorageBench;

/// <summary>The reads timed on each layout, for one user; each answer must be the same on every layout.</summary>
internal sealed class ReadSuite(Guid userId, DateTimeOffset end, long middleSequence, int repeats)
{
    public static readonly string[] Names = ["range 1 day", "range 30 days", "range 365 days", "by seq, 1000", "last by time"];

    private readonly Dictionary<string, string> answers = [];

    public async Task<List<(string Name, double MedianMs, int Events)>> RunAsync(string layout, IEventLog log)
    {
        var results = new List<(string, double, int)>();
        foreach (var name in Names)
        {
            var (ms, events) = await ReadTimer.MeasureAsync(repeats, () => ReadAsync(name, log));
            var answer = JsonSerializer.Serialize(events);
            if (answers.TryGetValue(name, out var expected) && expected != answer)
            {
                throw new InvalidOperationException($"{layout} answers '{name}' differently from the first layout.");
            }

            answers[name] = answer;
            results.Add((name, ms, events.Count));
        }

        return results;
    }

    private async Task<IReadOnlyList<SequencedEvent>> ReadAsync(string name, IEventLog log) => name switch
    {
        "range 1 day" => await log.ReadRangeAsync(userId, end.AddDays(-1), end),
        "range 30 days" => await log.ReadRangeAsync(userId, end.AddDays(-30), end),
        "range 365 days" => await log.ReadRangeAsync(userId, end.AddDays(-365), end),
        "by seq, 1000" => await log.ReadAsync(userId, middleSequence, 1000),
        _ => await log.ReadLastAsync(userId) is { } last ? [last] : [],
    };
}

/// <summary>The old layout's reads behind <see cref="IEventLog"/>, for the suite (appends are not timed through it).</summary>
internal sealed class LegacyLog(NpgsqlDataSource dataSource) : IEventLog
{
    public Task AppendAsync(Guid userId, IReadOnlyList<SequencedEvent> events, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public async Task<IReadOnlyList<SequencedEvent>> ReadAsync(Guid userId, long afterSequence, int maxCount, CancellationToken cancellationToken = default) =>
        await LegacyEventLog.ReadAsync(dataSource, userId, afterSequence, maxCount, cancellationToken);

    public async Task<IReadOnlyList<SequencedEvent>> ReadRangeAsync(Guid userId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        await LegacyEventLog.ReadRangeAsync(dataSource, userId, from, to, cancellationToken);

    public async Task<SequencedEvent?> ReadLastAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (await LegacyEventLog.ReadLastAsync(dataSource, userId, cancellationToken)).SingleOrDefault();

    public Task<EventLogHead> ReadHeadAsync(Guid userId, int recentIdCount, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<DateOnly, long>> ReadDayTouchesAsync(Guid userId, long afterSequence, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<long> PurgeBeforeAsync(Guid userId, DateTimeOffset cutoff, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task EraseUserAsync(Guid userId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
