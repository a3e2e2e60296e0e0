using Floyo.Email;

namespace Floyo.Silo.Email;

/// <summary>The embedded default's outbox: the same states as the Postgres table, kept in memory (lost on restart).</summary>
public sealed class InMemoryEmailQueue(OutboxSignal signal, TimeProvider clock) : IEmailQueue
{
    private readonly Lock gate = new();
    private readonly Dictionary<long, Entry> entries = [];
    private long lastId;

    public Task EnqueueAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            entries[++lastId] = new Entry(email) { NextAttemptAt = clock.GetUtcNow() };
        }

        signal.Pulse();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QueuedEmail>> ClaimDueAsync(int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            var due = entries.Where(e => e.Value.Pending && e.Value.NextAttemptAt <= now).OrderBy(e => e.Value.NextAttemptAt).ThenBy(e => e.Key).Take(max).ToList();
            foreach (var (_, entry) in due)
            {
                entry.Attempts++;
                entry.NextAttemptAt = now + lease;
            }

            return Task.FromResult<IReadOnlyList<QueuedEmail>>([.. due.Select(e => new QueuedEmail(e.Key, e.Value.Email, e.Value.Attempts))]);
        }
    }

    public Task MarkSentAsync(long id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            entries.Remove(id);
        }

        return Task.CompletedTask;
    }

    public Task MarkFailedAsync(long id, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (entries.TryGetValue(id, out var entry))
            {
                entry.Pending = retryAt is not null;
                entry.NextAttemptAt = retryAt ?? entry.NextAttemptAt;
            }
        }

        return Task.CompletedTask;
    }

    public Task DeleteUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            foreach (var id in entries.Where(e => e.Value.Email.UserId == userId).Select(e => e.Key).ToList())
            {
                entries.Remove(id);
            }
        }

        return Task.CompletedTask;
    }

    public Task WaitForMailAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);

    private sealed class Entry(OutgoingEmail email)
    {
        public OutgoingEmail Email { get; } = email;

        public bool Pending { get; set; } = true;

        public int Attempts { get; set; }

        public DateTimeOffset NextAttemptAt { get; set; }
    }
}
