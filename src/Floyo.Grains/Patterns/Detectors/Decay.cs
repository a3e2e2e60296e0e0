namespace Floyo.Patterns.Detectors;

/// <summary>Exponential decay by UTC day: counts halve every half-life, applied when a later day is first seen.</summary>
internal static class Decay
{
    /// <summary>The factor to apply when moving from <paramref name="fromDay"/> to <paramref name="toDay"/> (day numbers).</summary>
    public static double Factor(int fromDay, int toDay, double halfLifeDays) =>
        fromDay == 0 || toDay <= fromDay ? 1 : Math.Pow(0.5, (toDay - fromDay) / halfLifeDays);
}
