using System.Collections.Concurrent;
using Npgsql;

namespace Floyo.Silo.EventLog.Storage;

/// <summary>
/// Makes sure the monthly partition of every month an append touches exists before its <c>COPY</c>, with
/// <c>floyo_event_log_add_month</c> (migration 0008; safe when several silos call it at once, and it moves rows a
/// month may already have in the default partition). A month is checked again after <see cref="Recheck"/>, so one that
/// retention dropped meanwhile comes back (its late rows wait in the default partition until then).
/// </summary>
internal sealed class EventLogPartitions(NpgsqlDataSource dataSource)
{
    public static readonly TimeSpan Recheck = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<DateOnly, long> checkedAt = new();

    public static DateOnly MonthOf(DateTimeOffset timestamp)
    {
        var utc = timestamp.UtcDateTime;
        return new DateOnly(utc.Year, utc.Month, 1);
    }

    /// <summary>The name <c>floyo_event_log_add_month</c> gives the month's partition (a safe identifier: letters and digits).</summary>
    public static string TableOf(DateOnly month) => $"floyo_event_log_p{month.Year:D4}{month.Month:D2}";

    /// <summary>Checks the month again on its next append (its partition was found missing: retention dropped it).</summary>
    public void Forget(DateOnly month) => checkedAt.TryRemove(month, out _);

    public async Task EnsureAsync(IEnumerable<DateOnly> months, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        foreach (var month in months.Distinct().Where(m => !checkedAt.TryGetValue(m, out var at) || now - at > Recheck.TotalMilliseconds))
        {
            await using var command = dataSource.CreateCommand("SELECT floyo_event_log_add_month($1)");
            command.Parameters.Add(new() { Value = month });
            await command.ExecuteNonQueryAsync(cancellationToken);
            checkedAt[month] = now;
        }
    }
}
