using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Floyo.Users;

namespace Floyo.Web.Tests;

[Collection(nameof(WebCollection))]
public sealed class SettingsApiTests(FloyoWebFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PutSettings_WithValidValues_StoresThemForTheCallerOnly()
    {
        var (userId, key) = await fixture.CreateUserAsync();
        var (otherId, _) = await fixture.CreateUserAsync();

        var put = await fixture.Http(key).PutAsJsonAsync("/api/v1/settings", new { timeZone = "Europe/Berlin", keystrokeTimeoutMinutes = 5 }, Cancel);
        var read = await fixture.Http(key).GetStringAsync("/api/v1/settings", Cancel);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var json = JsonDocument.Parse(read);
        Assert.Equal(("Europe/Berlin", 5), (json.RootElement.GetProperty("timeZone").GetString(), json.RootElement.GetProperty("keystrokeTimeoutMinutes").GetInt32()));
        Assert.Equal(new UserSettings("Europe/Berlin", TimeSpan.FromMinutes(5)), await fixture.Grains.GetGrain<IUserGrain>(userId).GetSettingsAsync());
        Assert.Equal(UserSettings.Default, await fixture.Grains.GetGrain<IUserGrain>(otherId).GetSettingsAsync());
    }

    [Fact]
    public async Task PutSettings_WithBadValues_Answers400NamingEachField()
    {
        var (userId, key) = await fixture.CreateUserAsync();

        var response = await fixture.Http(key).PutAsJsonAsync("/api/v1/settings", new { timeZone = "Mars/Olympus", keystrokeTimeoutMinutes = 0 }, Cancel);

        var body = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty("timeZone", out _));
        Assert.True(body.GetProperty("errors").TryGetProperty("keystrokeTimeoutMinutes", out _));
        Assert.Equal(UserSettings.Default, await fixture.Grains.GetGrain<IUserGrain>(userId).GetSettingsAsync());
    }

    [Fact]
    public async Task PutSettings_WithGarbage_Answers400()
    {
        var (_, key) = await fixture.CreateUserAsync();

        var response = await fixture.Http(key).PutAsync("/api/v1/settings", EventJson.Raw("{\"timeZone\": 3"), Cancel);

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest);
    }
}
