using System.Net.Http.Json;
using System.Text;

namespace Floyo.Web.Tests;

internal static class EventJson
{
    public static string Now => DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    public static object Event(string entity, string kind = "modified", string? project = "floyo", string? id = null) =>
        new { kind, entity, timestamp = Now, project, language = "C#", editor = "vscode", branch = "main", id };

    public static JsonContent Batch(params object[] events) => JsonContent.Create(new { events });

    public static StringContent Raw(string json, string mediaType = "application/json") => new(json, Encoding.UTF8, mediaType);
}
