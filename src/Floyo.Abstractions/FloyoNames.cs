namespace Floyo;

/// <summary>Provider, storage and stream names. Never repeat these as string literals.</summary>
public static class FloyoNames
{
    /// <summary>Grain storage holding every Floyo grain's persisted state.</summary>
    public const string GrainStorage = "floyo";

    /// <summary>Grain storage used by Orleans' stream pub-sub bookkeeping.</summary>
    public const string PubSubStore = "PubSubStore";

    /// <summary>The stream provider delivering ingested activity.</summary>
    public const string StreamProvider = "floyo-streams";

    /// <summary>Stream namespace of per-user activity; the stream key is the user id.</summary>
    public const string ActivityStreamNamespace = "activity";
}
