namespace Floyo.Web.Services.Demo;

/// <summary>The demo user of this process, once <see cref="DemoSeeder"/> has created or found it.</summary>
public sealed class DemoUser
{
    private readonly TaskCompletionSource<Guid> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsEnabled { get; private set; }

    /// <summary>Completes with the demo user's id once seeded.</summary>
    public Task<Guid> UserId => ready.Task;

    internal void Enable() => IsEnabled = true;

    internal void Seeded(Guid userId) => ready.TrySetResult(userId);
}
