namespace Floyo.Patterns;

/// <summary>Focus sessions and focus time. "Today" and "this week" are relative to the report's AsOf (days in the user's time zone).</summary>
/// <param name="Sessions">The most recent sessions (at most 50), newest first.</param>
/// <param name="TodaySeconds">Focus time on AsOf's day, in seconds.</param>
/// <param name="Last7DaysSeconds">Focus time in the 7 days ending with AsOf's day, in seconds.</param>
/// <param name="Previous7DaysSeconds">Focus time in the 7 days before those, in seconds.</param>
/// <param name="Days">Focus time per day for the last 28 days (days without focus omitted), oldest first.</param>
[GenerateSerializer, Immutable, Alias("floyo.FocusSummary")]
public sealed record FocusSummary(
    [property: Id(0)] IReadOnlyList<FocusSession> Sessions,
    [property: Id(1)] double TodaySeconds,
    [property: Id(2)] double Last7DaysSeconds,
    [property: Id(3)] double Previous7DaysSeconds,
    [property: Id(4)] IReadOnlyList<DailyFocus> Days);
