namespace Floyo.Silo.Hosting;

/// <summary>How this process joins the Orleans cluster, bound from <c>Floyo:Orleans</c>.</summary>
public sealed class OrleansHostingOptions
{
    public const string Section = "Floyo:Orleans";

    /// <summary><see cref="OrleansRole.Silo"/> hosts grains in this process; <see cref="OrleansRole.Client"/> joins a cluster of Floyo.Silo processes (needs Postgres).</summary>
    public OrleansRole Role { get; set; } = OrleansRole.Silo;

    public string ClusterId { get; set; } = "floyo";

    public string ServiceId { get; set; } = "floyo";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at. Defaults to env <c>POD_IP</c>, else 127.0.0.1.</summary>
    public string? AdvertisedIp { get; set; }

    /// <summary>Defaults to env <c>POD_NAME</c>, else Orleans' own choice.</summary>
    public string? SiloName { get; set; }

    /// <summary>
    /// How long a grain call may take before the caller gives up (Orleans' default is 30 s). A call to a silo that died
    /// mid-request waits this long before the API answers 503, so it is kept short.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often stream pulling agents poll an empty queue; bounds the ingest → push latency.</summary>
    public TimeSpan StreamPollPeriod { get; set; } = TimeSpan.FromMilliseconds(20);
}

/// <summary>The part a process plays in the cluster.</summary>
public enum OrleansRole
{
    Silo,
    Client,
}
