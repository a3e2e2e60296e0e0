using MudBlazor;

namespace Floyo.Web.Components.Layout;

/// <summary>
/// Floyo's MudBlazor theme: the default palettes with colours that keep WCAG 2.1 AA contrast in both modes. The status
/// colours (success, error, warning, info) are set with their "darken" shades because MudBlazor writes an alert's text
/// in that shade on a 6 % tint of the colour, and fills a hovered button with it: in light mode a deeper shade, in dark
/// mode a lighter one (dark text on light status colours, as for the primary colour).
/// </summary>
public static class FloyoTheme
{
    public static MudTheme Value { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#4a3fc4",
            AppbarBackground = "#4a3fc4",
            TextSecondary = "rgba(0,0,0,0.68)",
            Success = "#2e7d32",
            SuccessDarken = "#1b5e20",
            Error = "#c62828",
            ErrorDarken = "#b71c1c",
            Warning = "#a85d00",
            WarningDarken = "#8a4b00",
            Info = "#1565c0",
            InfoDarken = "#0d47a1",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#a9a1ff",
            PrimaryContrastText = "#1a1a27",
            AppbarBackground = "#27272f",
            TextSecondary = "rgba(255,255,255,0.75)",
            Success = "#81c784",
            SuccessDarken = "#a5d6a7",
            SuccessContrastText = "#1a1a27",
            Error = "#ff8a80",
            ErrorDarken = "#ffb4ab",
            ErrorContrastText = "#1a1a27",
            Warning = "#ffb74d",
            WarningDarken = "#ffcc80",
            WarningContrastText = "#1a1a27",
            Info = "#64b5f6",
            InfoDarken = "#90caf9",
            InfoContrastText = "#1a1a27",
        },
    };
}
