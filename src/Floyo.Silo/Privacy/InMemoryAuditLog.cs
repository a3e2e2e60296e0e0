using Floyo.Privacy;

namespace Floyo.Silo.Privacy;

/// <summary>The embedded default's audit log: process memory, lost on exit.</summary>
public sealed class InMemoryAuditLog : IAuditLog
{
    private readonly List<AuditEntry> entries = [];
    private readonly List<AccountDeletion> deletions = [];
    private readonly Lock gate = new();
    private long lastId;

    public Task AppendAsync(Guid userId, DateTimeOffset at, AuditAction action, string? detail, string? origin, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            entries.Add(new AuditEntry(++lastId, userId, at.ToUniversalTime(), action, AuditEntry.Limit(detail), AuditEntry.Limit(origin)));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAsync(Guid userId, long? before, int limit, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>(
                [.. entries.Where(e => e.UserId == userId && (before is null || e.Id < before)).Reverse().Take(limit)]);
        }
    }

    public Task<long> EraseUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<long>(entries.RemoveAll(e => e.UserId == userId));
        }
    }

    public Task RecordAccountDeletionAsync(AccountDeletion deletion, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            deletions.Add(deletion);
        }

        return Task.CompletedTask;
    }
}
