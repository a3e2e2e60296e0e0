using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Floyo.Users;

namespace Floyo.Web.Tests;

[Collection(nameof(WebCollection))]
public sealed class KeysApiTests(FloyoWebFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Keys_CreateUseListRevoke_TheNewKeyWorksUntilRevokedAndShowsItsLastUse()
    {
        var (_, key) = await fixture.CreateUserAsync();
        using var owner = fixture.Http(key);

        var created = await owner.PostAsJsonAsync("/api/v1/keys", new { label = "laptop" }, Cancel);
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Cancel)).RootElement;
        var newKey = body.GetProperty("key").GetString()!;
        var keyId = body.GetProperty("info").GetProperty("id").GetString()!;
        var used = await fixture.Http(newKey).GetAsync("/api/v1/settings", Cancel);
        var list = JsonDocument.Parse(await owner.GetStringAsync("/api/v1/keys", Cancel)).RootElement;
        var revoked = await owner.DeleteAsync($"/api/v1/keys/{keyId}", Cancel);
        var afterRevoke = await fixture.Http(newKey).GetAsync("/api/v1/settings", Cancel);
        var listed = list.EnumerateArray().Single(k => k.GetProperty("id").GetString() == keyId);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(ApiKeyFormat.IsWellFormed(newKey));
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.Equal(2, list.GetArrayLength());
        Assert.Equal("laptop", listed.GetProperty("label").GetString());
        Assert.Equal(ApiKeyFormat.Hint(newKey), listed.GetProperty("hint").GetString());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("lastUsedAt").ValueKind);
        Assert.DoesNotContain(newKey, list.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
    }

    [Fact]
    public async Task Revoke_AnotherUsersKey_Answers404AndTheKeyKeepsWorking()
    {
        var (_, mine) = await fixture.CreateUserAsync();
        var (_, theirs) = await fixture.CreateUserAsync();
        var theirKeys = JsonDocument.Parse(await fixture.Http(theirs).GetStringAsync("/api/v1/keys", Cancel)).RootElement;
        var theirKeyId = theirKeys[0].GetProperty("id").GetString();

        var attempt = await fixture.Http(mine).DeleteAsync($"/api/v1/keys/{theirKeyId}", Cancel);
        var stillWorks = await fixture.Http(theirs).GetAsync("/api/v1/settings", Cancel);

        await ProblemAssert.IsAsync(attempt, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }

    [Theory]
    [InlineData("{\"label\": \"\"}")]
    [InlineData("{\"label\": \"   \"}")]
    [InlineData("{\"label\": \"bad\\u0007label\"}")]
    [InlineData("{}")]
    public async Task Create_WithAnInvalidLabel_AnswersAFieldError(string json)
    {
        var (_, key) = await fixture.CreateUserAsync();

        var response = await fixture.Http(key).PostAsync("/api/v1/keys", new StringContent(json, Encoding.UTF8, "application/json"), Cancel);

        await ProblemAssert.HasFieldErrorAsync(response, HttpStatusCode.BadRequest, "label");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"label\": 42}")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task Create_WithGarbage_Answers400(string json)
    {
        var (_, key) = await fixture.CreateUserAsync();

        var response = await fixture.Http(key).PostAsync("/api/v1/keys", new StringContent(json, Encoding.UTF8, "application/json"), Cancel);

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("GET", "/api/v1/keys")]
    [InlineData("POST", "/api/v1/keys")]
    [InlineData("DELETE", "/api/v1/keys/3f2504e0-4f89-41d3-9a0c-0305e82c3301")]
    public async Task Keys_WithoutAnApiKey_Answer401(string method, string path)
    {
        var response = await fixture.Http().SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Revoke_WithAMalformedId_Answers404()
    {
        var (_, key) = await fixture.CreateUserAsync();

        var response = await fixture.Http(key).DeleteAsync("/api/v1/keys/not-a-guid", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
