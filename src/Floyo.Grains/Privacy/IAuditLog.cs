namespace Floyo.Privacy;

/// <summary>
/// The append-only store behind the audit log (<c>floyo_audit_log</c> in Postgres, memory in the embedded default).
/// Nothing updates or deletes entries except <see cref="EraseUserAsync"/>, which account deletion calls.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends an entry; completes once it is durable. Detail and origin are cut to <see cref="AuditEntry.MaxTextLength"/>.</summary>
    Task AppendAsync(Guid userId, DateTimeOffset at, AuditAction action, string? detail, string? origin, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> of the user's entries with an id below <paramref name="before"/> (null: all), newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(Guid userId, long? before, int limit, CancellationToken cancellationToken = default);

    /// <summary>Removes every entry of the user (account deletion only); returns how many.</summary>
    Task<long> EraseUserAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Keeps the minimal record of a deleted account: a random receipt and the time, nothing about the user.</summary>
    Task RecordAccountDeletionAsync(AccountDeletion deletion, CancellationToken cancellationToken = default);
}
