using Floyo.Users;

namespace Floyo.Grains.Tests;

[Collection(nameof(ClusterCollection))]
public sealed class UserGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task CreateApiKeyAsync_WhenCreated_ResolvesToTheUserAndIsStoredOnlyAsHash()
    {
        var userId = Guid.NewGuid();
        var user = fixture.Client.GetGrain<IUserGrain>(userId);
        await user.EnsureCreatedAsync("Ada");

        var created = await user.CreateApiKeyAsync("laptop");

        Assert.True(ApiKeyFormat.IsWellFormed(created.Key));
        Assert.Equal(userId, await Directory(created.Key).ResolveAsync());
        var listed = Assert.Single(await user.ListApiKeysAsync());
        Assert.NotNull(listed.LastUsedAt); // the resolve above used the key
        Assert.Equal(created.Info with { LastUsedAt = listed.LastUsedAt }, listed);
        Assert.DoesNotContain(created.Key[ApiKeyFormat.Prefix.Length..], listed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeApiKeyAsync_WhenRevoked_StopsResolving()
    {
        var user = fixture.Client.GetGrain<IUserGrain>(Guid.NewGuid());
        await user.EnsureCreatedAsync("Ada");
        var created = await user.CreateApiKeyAsync("laptop");

        Assert.True(await user.RevokeApiKeyAsync(created.Info.KeyId));

        Assert.Null(await Directory(created.Key).ResolveAsync());
        Assert.NotNull(Assert.Single(await user.ListApiKeysAsync()).RevokedAt);
    }

    [Fact]
    public async Task ImportApiKeyAsync_WhenTheKeyBelongsToAnotherUser_Throws()
    {
        var key = ApiKeyFormat.NewKey();
        var owner = fixture.Client.GetGrain<IUserGrain>(Guid.NewGuid());
        var other = fixture.Client.GetGrain<IUserGrain>(Guid.NewGuid());
        await owner.EnsureCreatedAsync("Owner");
        await other.EnsureCreatedAsync("Other");
        await owner.ImportApiKeyAsync(key, "demo");

        await Assert.ThrowsAsync<InvalidOperationException>(() => other.ImportApiKeyAsync(key, "demo"));

        Assert.Empty(await other.ListApiKeysAsync());
        Assert.Equal(owner.GetPrimaryKey(), await Directory(key).ResolveAsync());
    }

    [Fact]
    public async Task GetProfileAsync_AfterDeactivation_ReturnsThePersistedProfileAndKeys()
    {
        var user = fixture.Client.GetGrain<IUserGrain>(Guid.NewGuid());
        var profile = await user.EnsureCreatedAsync("Ada");
        var created = await user.CreateApiKeyAsync("laptop");

        await fixture.Cluster.DeactivateAsync(user);

        Assert.Equal(profile, await user.GetProfileAsync());
        Assert.Equal([created.Info], await user.ListApiKeysAsync());
    }

    [Theory]
    [InlineData("waka_0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b", true)]
    [InlineData("0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b", true)]
    [InlineData("0F1E2D3C-4B5A-4978-8A6B-5C4D3E2F1A0B", false)]
    [InlineData("waka_0f1e2d3c-4b5a-1978-8a6b-5c4d3e2f1a0b", false)]
    [InlineData("not-a-key", false)]
    public void IsWellFormed_ChecksTheWakaTimeFormat(string key, bool expected) =>
        Assert.Equal(expected, ApiKeyFormat.IsWellFormed(key));

    private IApiKeyDirectoryGrain Directory(string key) => fixture.Client.GetGrain<IApiKeyDirectoryGrain>(ApiKeyFormat.Hash(key));
}
