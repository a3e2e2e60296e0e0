namespace Floyo.Web.Services.Demo;

/// <summary>The demo user and feed, bound from <c>Floyo:Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "Floyo:Demo";

    /// <summary>A fixed API key for the demo user (env <c>Floyo__Demo__ApiKey</c>). Setting it enables the demo in any mode.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Whether the demo user exists. Defaults to on in the embedded mode (no database) or when <see cref="ApiKey"/> is set.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Whether synthetic activity flows for the demo user (<c>Floyo:Demo:Feed=false</c> turns it off).</summary>
    public bool Feed { get; set; } = true;

    /// <summary>
    /// More fixed API keys, each seeded as its own user (no feed): an opt-in for load tests that need several users
    /// (env <c>Floyo__Demo__ExtraApiKeys__0</c>, <c>__1</c>, …). Operator configuration only; there is no API for it.
    /// </summary>
    public IList<string> ExtraApiKeys { get; } = [];

    /// <summary>Average pause between demo events.</summary>
    public TimeSpan FeedInterval { get; set; } = TimeSpan.FromSeconds(1);
}
