namespace Floyo.Patterns;

/// <summary>Focus on one day.</summary>
/// <param name="Day">The day.</param>
/// <param name="Sessions">Focus sessions that started that day.</param>
/// <param name="Seconds">Their total length, in seconds.</param>
[GenerateSerializer, Immutable, Alias("floyo.DailyFocus")]
public sealed record DailyFocus(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] int Sessions,
    [property: Id(2)] double Seconds);
