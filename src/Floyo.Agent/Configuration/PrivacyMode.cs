namespace Floyo.Agent.Configuration;

/// <summary>How much of a path leaves the machine.</summary>
public enum PrivacyMode
{
    /// <summary>A keyed HMAC-SHA256 of the project-relative path; the extension and the project name are kept.</summary>
    Hashed,

    /// <summary>The path relative to the project root.</summary>
    Relative,

    /// <summary>The full path.</summary>
    Full,
}
