namespace Floyo.Privacy;

/// <summary>
/// Where the current request comes from, carried to grains in Orleans' <see cref="RequestContext"/> so an audit entry
/// recorded deep in a grain call names the client (IP and user agent) that caused it. The web layer sets it per
/// request; scheduled work runs with <see cref="Scheduled"/>.
/// </summary>
public static class AuditOrigin
{
    /// <summary>The origin of actions Floyo takes on its own schedule (retention).</summary>
    public const string Scheduled = "system";

    private const string Key = "floyo.audit-origin";

    /// <summary>The origin set by the caller, or null.</summary>
    public static string? Current => RequestContext.Get(Key) as string;

    /// <summary>Sets (or with null clears) the origin for grain calls made from here on in this async flow.</summary>
    public static void Set(string? origin)
    {
        if (origin is null)
        {
            RequestContext.Remove(Key);
        }
        else
        {
            RequestContext.Set(Key, AuditEntry.Limit(origin)!);
        }
    }
}
