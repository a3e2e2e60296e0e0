namespace Floyo.Accounts;

/// <summary>Persisted owner of one normalized email address.</summary>
[GenerateSerializer, Alias("floyo.EmailIndexState")]
public sealed class EmailIndexState
{
    [Id(0)] public Guid? UserId { get; set; }
}

public sealed class EmailIndexGrain(
    [PersistentState("email", FloyoNames.GrainStorage)] IPersistentState<EmailIndexState> state)
    : Grain, IEmailIndexGrain
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
            state.State.UserId = null;
            await state.ClearStateAsync();
        }
    }
}
