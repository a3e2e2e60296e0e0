using System.Threading.RateLimiting;
using Floyo.Accounts;
using Microsoft.Extensions.Options;

namespace Floyo.Web.RateLimiting;

/// <summary>
/// Token buckets for login, sign-up and password reset, per client IP and per email address, per action: one address
/// cannot be brute-forced from many IPs, and one IP cannot spray many addresses. Complements account lockout.
/// </summary>
public sealed class AccountRateLimiter : IAsyncDisposable
{
    private readonly PartitionedRateLimiter<string> perIp;
    private readonly PartitionedRateLimiter<string> perEmail;
    private readonly bool enabled;

    public AccountRateLimiter(IOptions<RateLimitOptions> options)
    {
        enabled = options.Value.Enabled;
        perIp = ApiRateLimiter.Buckets(options.Value.AccountPerIp);
        perEmail = ApiRateLimiter.Buckets(options.Value.AccountPerEmail);
    }

    /// <summary>Takes one attempt from both buckets; null when allowed, else how long to wait.</summary>
    public TimeSpan? TryAcquire(AccountAction action, HttpContext http, string? email)
    {
        if (!enabled)
        {
            return null;
        }

        using var ipLease = perIp.AttemptAcquire($"{action}:{http.Connection.RemoteIpAddress}");
        using var emailLease = string.IsNullOrWhiteSpace(email) ? null : perEmail.AttemptAcquire($"{action}:{EmailAddress.Normalize(email)}");
        var refused = !ipLease.IsAcquired ? ipLease : emailLease is { IsAcquired: false } ? emailLease : null;
        if (refused is null)
        {
            return null;
        }

        return refused.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
    }

    public async ValueTask DisposeAsync()
    {
        await perIp.DisposeAsync();
        await perEmail.DisposeAsync();
    }
}
