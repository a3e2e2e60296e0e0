namespace Floyo.Patterns;

/// <summary>One daily feature of an unusual day compared with the baseline.</summary>
/// <param name="Name">The feature: <c>events</c>, <c>active-hours</c>, <c>files</c>, <c>projects</c>,
/// <c>switches-per-hour</c>, <c>first-hour</c> (local hour of the first event), <c>last-hour</c>, <c>focus-hours</c>.</param>
/// <param name="Value">The day's value.</param>
/// <param name="BaselineMedian">The median over the baseline days.</param>
/// <param name="Deviation">|Value − median| in robust standard deviations (1.4826 × median absolute deviation).</param>
[GenerateSerializer, Immutable, Alias("floyo.UnusualFeature")]
public sealed record UnusualFeature(
    [property: Id(0)] string Name,
    [property: Id(1)] double Value,
    [property: Id(2)] double BaselineMedian,
    [property: Id(3)] double Deviation);
