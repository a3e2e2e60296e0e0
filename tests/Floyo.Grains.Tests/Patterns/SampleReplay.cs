using Floyo.Patterns.Detectors;
using Floyo.SampleData;

namespace Floyo.Grains.Tests.Patterns;

/// <summary>Generates a sample user and replays it through fresh detectors in the persona's time zone.</summary>
internal static class SampleReplay
{
    public static (SampleGenerator.UserSample Sample, LocalDays Days, PatternReplay.Result Run) Run(SampleDataOptions options, int user)
    {
        var sample = SampleGenerator.GenerateUser(options, user);
        var days = DaysOf(sample.Truth.Persona);
        return (sample, days, PatternReplay.Run(Guid.Empty, sample.Events, new PatternOptions(), days));
    }

    public static LocalDays DaysOf(Persona persona) => new(TimeZoneInfo.CreateCustomTimeZone(
        persona.Name, TimeSpan.FromHours(persona.UtcOffsetHours), persona.Name, persona.Name));

    public static Evaluation Evaluate(SampleGenerator.UserSample sample, LocalDays days, PatternReplay.Result run) =>
        PatternEvaluator.Evaluate(
            sample.Truth, run.Final.CoEditGroups, run.Final.Workflows, run.FocusSessions, run.UnusualDays,
            [.. sample.Events.Select(e => DateOnly.FromDayNumber(days.DayOf(e.Timestamp))).Distinct()],
            sample.Events[^1].Timestamp);
}
