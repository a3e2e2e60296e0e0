namespace Floyo.Time;

/// <summary>Resolves the time zone a report is counted in.</summary>
public static class ReportTimeZone
{
    /// <summary>
    /// The zone with id <paramref name="id"/> (IANA, or a Windows id the platform knows). Throws
    /// <see cref="ArgumentException"/> when the id is blank or unknown.
    /// </summary>
    public static TimeZoneInfo Find(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            throw new ArgumentException($"Unknown time zone '{id}'.", nameof(id));
        }

        return zone;
    }

    /// <summary>The zone's IANA id, converting a Windows id when the zone was found by one.</summary>
    public static string IanaId(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return !zone.HasIanaId && TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
    }
}
