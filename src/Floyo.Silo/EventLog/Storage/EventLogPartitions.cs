using System.Collections.Concurrent;
using Npgsql;

namespace Floyo.Silo.EventLog.Storage;

/// <summary>
/// Makes sure the monthly partition of every month an append touches exists before its <c>COPY</c>, with
/// <c>floyo_event_log_add_month</c> (migration 0008; safe when several silos call it at once, and it moves rows a
/// month may already have in the default partition). Months seen once are remembered.
/// </summary>
internal sealed class EventLogPartitions(NpgsqlDataSource dataSource)
{
    private readonly ConcurrentDictionary<DateOnly, bool> known = new();

    public static DateOnly MonthOf(DateTimeOffset timestamp)
    {
        var utc = timestamp.UtcDateTime;
        return new DateOnly(utc.Year, utc.Month, 1);
    }

    public async Task EnsureAsync(IEnumerable<DateOnly> months, CancellationToken cancellationToken)
    {
        foreach (var month in months.Distinct().Where(m => !known.ContainsKey(m)))
        {
            await using var command = dataSource.CreateCommand("SELECT floyo_event_log_add_month($1)");
            command.Parameters.Add(new() { Value = month });
            await command.ExecuteNonQueryAsync(cancellationToken);
            known[month] = true;
        }
    }

    /// <summary>Forgets the months (after retention dropped partitions, so they are created again if needed).</summary>
    public void Forget() => known.Clear();
}
