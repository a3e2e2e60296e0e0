namespace Floyo.Activity;

/// <summary>What an event's entity names (WakaTime's heartbeat <c>type</c>). Stored: never renumber.</summary>
[GenerateSerializer, Alias("floyo.EntityType")]
public enum EntityType : short
{
    /// <summary>A file path (or its redacted form).</summary>
    File = 0,

    /// <summary>An application name.</summary>
    App = 1,

    /// <summary>A web domain.</summary>
    Domain = 2,

    /// <summary>A URL.</summary>
    Url = 3,
}
