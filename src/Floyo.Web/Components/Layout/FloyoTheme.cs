using MudBlazor;

namespace Floyo.Web.Components.Layout;

/// <summary>Floyo's MudBlazor theme: the default palettes with colours that keep WCAG 2.1 AA contrast in both modes.</summary>
public static class FloyoTheme
{
    public static MudTheme Value { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#4a3fc4",
            AppbarBackground = "#4a3fc4",
            TextSecondary = "rgba(0,0,0,0.68)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#a9a1ff",
            PrimaryContrastText = "#1a1a27",
            AppbarBackground = "#27272f",
            TextSecondary = "rgba(255,255,255,0.75)",
        },
    };
}
