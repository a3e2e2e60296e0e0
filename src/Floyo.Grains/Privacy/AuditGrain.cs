using Orleans.Concurrency;

namespace Floyo.Privacy;

/// <summary>Records and pages a user's audit entries in the silo's <see cref="IAuditLog"/>; keeps nothing itself.</summary>
[StatelessWorker]
public sealed class AuditGrain(IAuditLog auditLog, TimeProvider clock) : Grain, IAuditGrain
{
    public Task RecordAsync(AuditAction action, string? detail = null) =>
        auditLog.AppendAsync(this.GetPrimaryKey(), clock.GetUtcNow(), action, detail, AuditOrigin.Current);

    public async Task<AuditPage> ReadAsync(long? before, int limit)
    {
        if (limit is < 1 or > IAuditGrain.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"A page holds 1 to {IAuditGrain.MaxPageSize} entries.");
        }

        // One more than asked tells whether an older page exists.
        var entries = await auditLog.ReadAsync(this.GetPrimaryKey(), before, limit + 1);
        return entries.Count > limit
            ? new AuditPage([.. entries.Take(limit)], entries[limit - 1].Id)
            : new AuditPage(entries, null);
    }
}
