using Orleans.Concurrency;

namespace Floyo.Privacy;

/// <summary>
/// A user's audit log, keyed by user id: the way the web layer (and any other Orleans client) records and reads
/// privacy-relevant actions. Stateless: the entries live in the silo's audit store (Postgres, or memory in the
/// embedded default). Grains inside the silo may call the store directly.
/// </summary>
[Alias("floyo.IAuditGrain")]
public interface IAuditGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Appends an entry at the current time. <paramref name="detail"/> must not contain secrets (passwords, keys,
    /// tokens); it is cut to <see cref="AuditEntry.MaxTextLength"/>. The origin comes from <see cref="AuditOrigin"/>.
    /// Completes once the entry is durable.
    /// </summary>
    [Alias("record")]
    Task RecordAsync(AuditAction action, string? detail = null);

    /// <summary>
    /// Up to <paramref name="limit"/> (1..<see cref="MaxPageSize"/>) entries older than entry <paramref name="before"/>
    /// (null: the newest), newest first.
    /// </summary>
    [ReadOnly, Alias("read")]
    Task<AuditPage> ReadAsync(long? before, int limit);

    /// <summary>The largest page <see cref="ReadAsync"/> returns.</summary>
    const int MaxPageSize = 200;
}
