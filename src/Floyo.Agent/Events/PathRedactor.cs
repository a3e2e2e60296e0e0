using System.Security.Cryptography;
using System.Text;
using Floyo.Agent.Configuration;

namespace Floyo.Agent.Events;

/// <summary>
/// Applies the privacy mode to a path before it is queued. Hashed: the first 128 bits of
/// HMAC-SHA256(install key, "project/relative/path") in hex, followed by the file's extension, so the same file always
/// gives the same entity on this install, other installs cannot link it, and the path cannot be read back.
/// </summary>
public sealed class PathRedactor(PrivacyMode mode, byte[] hashKey)
{
    public PrivacyMode Mode => mode;

    public string Redact(string fullPath, string projectRoot, string projectName) => mode switch
    {
        PrivacyMode.Full => fullPath,
        PrivacyMode.Relative => Relative(fullPath, projectRoot),
        _ => Hash(fullPath, projectRoot, projectName),
    };

    public static string Relative(string fullPath, string projectRoot) =>
        Path.GetRelativePath(projectRoot, fullPath).Replace('\\', '/');

    private string Hash(string fullPath, string projectRoot, string projectName)
    {
        var mac = HMACSHA256.HashData(hashKey, Encoding.UTF8.GetBytes($"{projectName}/{Relative(fullPath, projectRoot)}"));
        return Convert.ToHexStringLower(mac.AsSpan(0, 16)) + SafeExtension(fullPath);
    }

    /// <summary>The extension when it looks like one (short, letters and digits), else nothing.</summary>
    private static string SafeExtension(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Length is > 1 and <= 12 && extension.Skip(1).All(char.IsAsciiLetterOrDigit) ? extension.ToLowerInvariant() : "";
    }
}
