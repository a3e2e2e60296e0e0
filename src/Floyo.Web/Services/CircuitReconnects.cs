using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Floyo.Web.Services;

/// <summary>
/// Tells a Blazor circuit's components when its connection comes back, so live pages re-load a snapshot
/// (updates pushed while the connection was down never reached them).
/// </summary>
public sealed class CircuitReconnects : CircuitHandler
{
    private bool wasDown;

    /// <summary>Raised on the circuit after a dropped connection is re-established.</summary>
    public event Func<Task>? Reconnected;

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        wasDown = true;
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (!wasDown || Reconnected is not { } handlers)
        {
            return Task.CompletedTask;
        }

        wasDown = false;
        return Task.WhenAll(handlers.GetInvocationList().Cast<Func<Task>>().Select(h => h()));
    }
}
