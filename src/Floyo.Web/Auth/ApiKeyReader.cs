using System.Text;

namespace Floyo.Web.Auth;

/// <summary>
/// Finds an API key in a request, in every form WakaTime clients and SignalR use: <c>Authorization: Bearer key</c>,
/// <c>Authorization: Basic base64(key)</c> with or without a trailing colon, <c>?api_key=key</c>, and
/// <c>?access_token=key</c> (SignalR's WebSocket transport cannot send headers).
/// </summary>
public static class ApiKeyReader
{
    public static bool HasCredentials(HttpRequest request) =>
        request.Headers.Authorization.Count > 0 || request.Query.ContainsKey("api_key") || request.Query.ContainsKey("access_token");

    /// <summary>The presented key, or null when none was presented or it cannot be decoded.</summary>
    public static string? Read(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length > 0)
        {
            return FromHeader(header);
        }

        var query = request.Query["api_key"].ToString();
        return query.Length > 0 ? query : NullIfEmpty(request.Query["access_token"].ToString());
    }

    private static string? FromHeader(string header)
    {
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return null;
        }

        var scheme = header[..space];
        var value = header[(space + 1)..].Trim();
        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return NullIfEmpty(value);
        }

        if (!scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var bytes = new byte[value.Length];
        if (!Convert.TryFromBase64String(value, bytes, out var length))
        {
            return null;
        }

        // "key", "key:" and "user:key" (some clients put the key in the password) are all accepted.
        var decoded = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return NullIfEmpty(decoded);
        }

        var user = decoded[..colon];
        var password = decoded[(colon + 1)..];
        return NullIfEmpty(user.Length > 0 ? user : password);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
