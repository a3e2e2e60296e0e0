namespace Floyo.Web.RateLimiting;

/// <summary>API rate limits, bound from <c>Floyo:RateLimits</c>: token buckets per API key and per client IP.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Floyo:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests per second one API key may sustain, and the burst it may save up.</summary>
    public BucketOptions PerKey { get; set; } = new() { RequestsPerSecond = 20, Burst = 200 };

    /// <summary>Requests per second one IP address may sustain (all its keys together), and its burst.</summary>
    public BucketOptions PerIp { get; set; } = new() { RequestsPerSecond = 100, Burst = 1000 };

    /// <summary>Login, sign-up and password-reset attempts per client IP, for each of the three separately.</summary>
    public BucketOptions AccountPerIp { get; set; } = new() { RequestsPerSecond = 0.2, Burst = 20 };

    /// <summary>Login, sign-up and password-reset attempts per email address (whoever sends them), each separately.</summary>
    public BucketOptions AccountPerEmail { get; set; } = new() { RequestsPerSecond = 1.0 / 60, Burst = 10 };
}

public sealed class BucketOptions
{
    /// <summary>Sustained rate; fractions allowed (0.5 = one request every 2 s).</summary>
    public double RequestsPerSecond { get; set; }

    public int Burst { get; set; }
}
