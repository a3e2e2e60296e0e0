namespace Floyo.Patterns;

/// <summary>
/// One name in a mix (an extension, a language, an editor, a plugin, a category) with event counts for the last 7 days
/// (the user's) (ending with the report's AsOf day) and the 7 days before, and its share of this week's events.
/// </summary>
/// <param name="Name">The name as reported (extensions and categories in lower case).</param>
/// <param name="ThisWeek">Events in the last 7 days.</param>
/// <param name="PreviousWeek">Events in the 7 days before.</param>
/// <param name="Share">ThisWeek divided by all events of the mix this week (0..1).</param>
/// <param name="Trend">(ThisWeek − PreviousWeek) / PreviousWeek; 1 when new this week, −1 when gone.</param>
[GenerateSerializer, Immutable, Alias("floyo.MixEntry")]
public sealed record MixEntry(
    [property: Id(0)] string Name,
    [property: Id(1)] long ThisWeek,
    [property: Id(2)] long PreviousWeek,
    [property: Id(3)] double Share,
    [property: Id(4)] double Trend);
