using System.Net;
using System.Text.Json;

namespace Floyo.Web.Tests;

internal static class ProblemAssert
{
    /// <summary>Asserts an RFC 7807 answer with <paramref name="status"/>; returns its body.</summary>
    public static async Task<JsonElement> IsAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        return body;
    }

    /// <summary>Asserts a problem whose <c>errors</c> names <paramref name="field"/>.</summary>
    public static async Task<string> HasFieldErrorAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var body = await IsAsync(response, status);
        var messages = body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToList();
        return Assert.Single(messages);
    }
}
