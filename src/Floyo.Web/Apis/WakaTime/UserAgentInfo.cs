namespace Floyo.Web.Apis.WakaTime;

/// <summary>
/// What a wakatime-cli user agent says about the client, e.g.
/// <c>wakatime/v1.98.1 (linux-6.1.0-amd64-x86_64) go1.22.1 vscode/1.90.0 vscode-wakatime/24.6.0</c>:
/// operating system <c>Linux</c>, editor <c>VS Code</c>, plugin <c>vscode-wakatime/24.6.0</c>.
/// </summary>
public sealed record UserAgentInfo(string? OperatingSystem, string? Editor, string? Plugin)
{
    private static readonly Dictionary<string, string> EditorNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["vscode"] = "VS Code", ["code"] = "VS Code", ["vim"] = "Vim", ["neovim"] = "Neovim", ["nvim"] = "Neovim",
        ["emacs"] = "Emacs", ["sublime_text"] = "Sublime Text", ["sublime"] = "Sublime Text", ["intellij"] = "IntelliJ IDEA",
        ["idea"] = "IntelliJ IDEA", ["pycharm"] = "PyCharm", ["webstorm"] = "WebStorm", ["rider"] = "Rider", ["goland"] = "GoLand",
        ["visualstudio"] = "Visual Studio", ["xcode"] = "Xcode", ["atom"] = "Atom", ["cursor"] = "Cursor", ["zed"] = "Zed",
        ["chrome"] = "Chrome", ["firefox"] = "Firefox", ["terminal"] = "Terminal", ["zsh"] = "Zsh", ["bash"] = "Bash",
    };

    private static readonly Dictionary<string, string> OsNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["linux"] = "Linux", ["darwin"] = "Mac", ["macos"] = "Mac", ["windows"] = "Windows", ["freebsd"] = "FreeBSD",
    };

    /// <summary>Fills what <paramref name="primary"/> lacks from <paramref name="fallback"/>.</summary>
    public static UserAgentInfo Merge(UserAgentInfo primary, UserAgentInfo fallback) => new(
        primary.OperatingSystem ?? fallback.OperatingSystem, primary.Editor ?? fallback.Editor, primary.Plugin ?? fallback.Plugin);

    public static UserAgentInfo Parse(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return new UserAgentInfo(null, null, null);
        }

        var os = OperatingSystemOf(userAgent);
        var tail = userAgent.StartsWith("wakatime/", StringComparison.OrdinalIgnoreCase) && !userAgent.Contains('(', StringComparison.Ordinal)
            ? ""
            : userAgent[(userAgent.LastIndexOf(')') + 1)..];
        var products = tail.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.Contains('/', StringComparison.Ordinal) && !p.StartsWith("go1", StringComparison.Ordinal))
            .Where(p => !p.StartsWith("wakatime/", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var plugin = products.Count > 0 ? products[^1] : null;
        var editorProduct = products.Count > 1 ? products[^2] : plugin;
        return new UserAgentInfo(os, editorProduct is null ? null : EditorName(editorProduct), plugin);
    }

    private static string? OperatingSystemOf(string userAgent)
    {
        var open = userAgent.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        var platform = userAgent[(open + 1)..].Split(['-', ')', ' '], 2)[0];
        return OsNames.GetValueOrDefault(platform, platform.Length > 0 ? platform : "Unknown");
    }

    private static string EditorName(string product)
    {
        var name = product.Split('/')[0];
        var key = name.EndsWith("-wakatime", StringComparison.OrdinalIgnoreCase) ? name[..^"-wakatime".Length] : name;
        return EditorNames.GetValueOrDefault(key, key);
    }
}
