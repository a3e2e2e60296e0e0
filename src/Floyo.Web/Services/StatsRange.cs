namespace Floyo.Web.Services;

/// <summary>The named ranges the dashboard's range picker and <c>GET /api/v1/stats?range=</c> accept, ending today.</summary>
public static class StatsRange
{
    public const string Today = "today";
    public const string Week = "7d";
    public const string Month = "30d";
    public const string Year = "12m";

    public static IReadOnlyList<string> Names { get; } = [Today, Week, Month, Year];

    /// <summary>The number of days (ending today) a named range covers, or null for an unknown name.</summary>
    public static int? Days(string name) => name switch
    {
        Today => 1,
        Week => 7,
        Month => 30,
        Year => 365,
        _ => null,
    };

    /// <summary>The first and last day of a named range ending <paramref name="today"/>.</summary>
    public static (DateOnly Start, DateOnly End) Resolve(string name, DateOnly today) =>
        Days(name) is { } days
            ? (today.AddDays(1 - days), today)
            : throw new ArgumentException($"Unknown range '{name}'; use one of {string.Join(", ", Names)}.", nameof(name));
}
