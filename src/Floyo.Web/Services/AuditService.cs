using Floyo.Privacy;

namespace Floyo.Web.Services;

/// <summary>
/// Facade over the audit log for the web layer: record privacy-relevant actions (sign-ins, password changes, exports,
/// …) and read a user's entries. The origin (IP, user agent) travels with the call, see <see cref="AuditOriginMiddleware"/>.
/// </summary>
public sealed class AuditService(IGrainFactory grains)
{
    /// <summary>Appends an entry for <paramref name="userId"/>; <paramref name="detail"/> must hold no secret.</summary>
    public Task RecordAsync(Guid userId, AuditAction action, string? detail = null) =>
        grains.GetGrain<IAuditGrain>(userId).RecordAsync(action, detail);

    /// <summary>A page of the user's entries, newest first (see <see cref="IAuditGrain.ReadAsync"/>).</summary>
    public Task<AuditPage> ReadAsync(Guid userId, long? before, int limit) =>
        grains.GetGrain<IAuditGrain>(userId).ReadAsync(before, limit);
}
