namespace Floyo.Patterns;

/// <summary>Context switches on one day.</summary>
/// <param name="Day">The day.</param>
/// <param name="Switches">Project or area switches that day.</param>
/// <param name="ProjectSwitches">Of those, the switches between projects.</param>
/// <param name="ActiveHours">Active time that day in hours (15-minute slots with at least one event).</param>
[GenerateSerializer, Immutable, Alias("floyo.DailySwitches")]
public sealed record DailySwitches(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] int Switches,
    [property: Id(2)] int ProjectSwitches,
    [property: Id(3)] double ActiveHours)
{
    /// <summary>Switches per active hour (0 when there was no active time).</summary>
    public double PerHour => ActiveHours > 0 ? Switches / ActiveHours : 0;
}
