namespace Floyo.Users;

/// <summary>
/// Per-user settings that shape time accounting: the IANA <see cref="TimeZone"/> days are counted in, and the
/// <see cref="KeystrokeTimeout"/> below which consecutive events are joined into one duration (1 minute to 4 hours).
/// </summary>
[GenerateSerializer, Immutable, Alias("floyo.UserSettings")]
public sealed record UserSettings(
    [property: Id(0)] string TimeZone,
    [property: Id(1)] TimeSpan KeystrokeTimeout)
{
    public static readonly TimeSpan MinKeystrokeTimeout = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxKeystrokeTimeout = TimeSpan.FromHours(4);

    public static UserSettings Default { get; } = new("UTC", TimeSpan.FromMinutes(15));
}
