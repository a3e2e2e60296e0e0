namespace Floyo.Users;

/// <summary>Persisted owner of one API key hash.</summary>
[GenerateSerializer, Alias("floyo.ApiKeyDirectoryState")]
public sealed class ApiKeyDirectoryState
{
    [Id(0)] public Guid? UserId { get; set; }
}

public sealed class ApiKeyDirectoryGrain(
    [PersistentState("api-key", FloyoNames.GrainStorage)] IPersistentState<ApiKeyDirectoryState> state)
    : Grain, IApiKeyDirectoryGrain
{
    public Task<Guid?> ResolveAsync() => Task.FromResult(state.State.UserId);

    public async Task<bool> ClaimAsync(Guid userId)
    {
        if (state.State.UserId is { } owner)
        {
            return owner == userId;
        }

        state.State.UserId = userId;
        await state.WriteStateAsync();
        return true;
    }

    public async Task ReleaseAsync(Guid userId)
    {
        if (state.State.UserId == userId)
        {
            await state.ClearStateAsync();
        }
    }
}
