namespace Floyo.Web.Services;

/// <summary>
/// The circuit's light/dark choice, shared by the theme provider and the toggle (separate interactive roots of one
/// circuit). The browser remembers it (wwwroot/js/theme.js, local storage).
/// </summary>
public sealed class ThemePreference
{
    public bool IsDark { get; private set; }

    /// <summary>Raised after <see cref="IsDark"/> changes.</summary>
    public event Func<Task>? Changed;

    public async Task SetAsync(bool isDark)
    {
        if (isDark == IsDark)
        {
            return;
        }

        IsDark = isDark;
        if (Changed is { } handlers)
        {
            await Task.WhenAll(handlers.GetInvocationList().Cast<Func<Task>>().Select(h => h()));
        }
    }
}
