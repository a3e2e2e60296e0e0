using System.Globalization;
using System.Threading.RateLimiting;
using Floyo.Users;
using Floyo.Web.Auth;
using Microsoft.Extensions.Options;

namespace Floyo.Web.RateLimiting;

/// <summary>
/// Limits <c>/api</c> requests per API key and per client IP with token buckets, independently per partition, so one
/// abusive key or address never slows anyone else. Every answer carries <c>RateLimit-Limit</c>,
/// <c>RateLimit-Remaining</c> and <c>RateLimit-Reset</c> for the tighter bucket; a refused request gets 429 with
/// <c>Retry-After</c> and a problem body. Requests without a well-formed key count against their IP only.
/// </summary>
public sealed class ApiRateLimiter : IAsyncDisposable
{
    private readonly PartitionedRateLimiter<string> perKey;
    private readonly PartitionedRateLimiter<string> perIp;
    private readonly RateLimitOptions options;

    public ApiRateLimiter(IOptions<RateLimitOptions> options)
    {
        this.options = options.Value;
        perKey = Buckets(this.options.PerKey);
        perIp = Buckets(this.options.PerIp);
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!options.Enabled || !context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using var ipLease = perIp.AttemptAcquire(ip);
        var key = ApiKeyReader.Read(context.Request) is { } presented && ApiKeyFormat.IsWellFormed(presented) ? ApiKeyFormat.Hash(presented) : null;
        using var keyLease = key is null ? null : perKey.AttemptAcquire(key);

        var (limit, remaining) = Tightest(ip, key);
        context.Response.Headers["RateLimit-Limit"] = limit.Burst.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["RateLimit-Reset"] = SecondsToRefill(limit, remaining).ToString(CultureInfo.InvariantCulture);
        if (ipLease.IsAcquired && keyLease?.IsAcquired != false)
        {
            await next(context);
            return;
        }

        var refused = !ipLease.IsAcquired ? ipLease : keyLease!;
        var retryAfter = refused.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"{(ipLease.IsAcquired ? "This API key" : "This address")} is over its limit. Retry in {retryAfter} s.",
            },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await perKey.DisposeAsync();
        await perIp.DisposeAsync();
    }

    private (BucketOptions Limit, long Remaining) Tightest(string ip, string? key)
    {
        var ipRemaining = perIp.GetStatistics(ip)?.CurrentAvailablePermits ?? options.PerIp.Burst;
        if (key is null)
        {
            return (options.PerIp, ipRemaining);
        }

        var keyRemaining = perKey.GetStatistics(key)?.CurrentAvailablePermits ?? options.PerKey.Burst;
        return keyRemaining <= ipRemaining ? (options.PerKey, keyRemaining) : (options.PerIp, ipRemaining);
    }

    private static int SecondsToRefill(BucketOptions limit, long remaining) =>
        (int)Math.Ceiling((limit.Burst - remaining) / Math.Max(0.001, limit.RequestsPerSecond));


    /// <summary>Refills ten times a second at high rates; below 10 requests per second, one token at a time.</summary>
    internal static PartitionedRateLimiter<string> Buckets(BucketOptions bucket)
    {
        var perSecond = Math.Max(0.001, bucket.RequestsPerSecond);
        var (tokens, period) = perSecond >= 10
            ? ((int)(perSecond / 10), TimeSpan.FromMilliseconds(100))
            : (1, TimeSpan.FromSeconds(1.0 / perSecond));
        return PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = bucket.Burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }
}
