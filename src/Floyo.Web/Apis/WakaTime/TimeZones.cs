namespace Floyo.Web.Apis.WakaTime;

internal static class TimeZones
{
    /// <summary>True for null (use the user's zone) or a known IANA / system time zone id.</summary>
    public static bool IsValidOrNull(string? id) => id is null || TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
