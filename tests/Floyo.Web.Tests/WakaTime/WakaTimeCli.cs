using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Floyo.Web.Tests.WakaTime;

/// <summary>Speaks to Floyo the way wakatime-cli does, and checks answers the way it parses them.</summary>
internal static class WakaTimeCli
{
    public const string UserAgent = "wakatime/v1.98.1 (linux-6.1.0-amd64-x86_64) go1.22.1 vscode/1.90.0 vscode-wakatime/24.6.0";

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "WakaTime", "Fixtures", name));

    /// <summary>An HTTP client with wakatime-cli's headers: Basic base64(key) without a colon, user agent, machine name.</summary>
    public static HttpClient Client(FloyoWebFixture fixture, string key)
    {
        var client = fixture.Http();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key)));
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        client.DefaultRequestHeaders.Add("X-Machine-Name", "devbox");
        client.DefaultRequestHeaders.Add("Timezone", "Europe/Berlin");
        return client;
    }

    /// <summary>
    /// What the CLI requires of a bulk answer: 201 or 202; a <c>responses</c> array with one <c>[body, status]</c> pair per
    /// heartbeat; a 2xx body with <c>data</c>; a 4xx/5xx body with an <c>error</c> string or an <c>errors</c> map.
    /// Returns the per-item statuses.
    /// </summary>
    public static async Task<IReadOnlyList<int>> ParseBulkAsync(HttpResponseMessage response, int heartbeats)
    {
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Accepted });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var pairs = json.RootElement.GetProperty("responses").EnumerateArray().ToList();
        Assert.Equal(heartbeats, pairs.Count);
        var statuses = new List<int>();
        foreach (var pair in pairs)
        {
            Assert.Equal(JsonValueKind.Array, pair.ValueKind);
            Assert.Equal(2, pair.GetArrayLength());
            var (body, status) = (pair[0], pair[1].GetInt32());
            Assert.Equal(JsonValueKind.Object, body.ValueKind);
            if (status >= 400)
            {
                var hasError = body.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String;
                var hasErrors = body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object;
                Assert.True(hasError || hasErrors, $"An item with status {status} must carry error or errors: {body}");
            }
            else
            {
                Assert.Equal(JsonValueKind.Object, body.GetProperty("data").ValueKind);
            }

            statuses.Add(status);
        }

        return statuses;
    }

    /// <summary>The fixture's heartbeats with their times moved to <paramref name="time"/> (the fixture's are from 2020).</summary>
    public static string WithTime(string json, DateTimeOffset time) =>
        json.Replace("1585598059", time.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("1585598060", (time.ToUnixTimeSeconds() + 60).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
