namespace Floyo.Web.Services;

/// <summary>
/// What the dashboard is filtered by: a named range (see <see cref="StatsRange"/>) or, when <see cref="Start"/> and
/// <see cref="End"/> are both set, those local days; optionally one project and/or one language.
/// </summary>
public sealed record DashboardFilter(string Range = StatsRange.Week, DateOnly? Start = null, DateOnly? End = null, string? Project = null, string? Language = null)
{
    /// <summary>True when a custom date range replaces the named range.</summary>
    public bool IsCustomRange => Start is not null && End is not null;

    /// <summary>The first and last local day to show, given today's date in the user's zone.</summary>
    public (DateOnly Start, DateOnly End) Days(DateOnly today) => IsCustomRange ? (Start!.Value, End!.Value) : StatsRange.Resolve(Range, today);
}
