using System.Text.Json;
using Floyo.Patterns.Detectors;
using Floyo.SampleData;

namespace Floyo.Grains.Tests.Patterns;

public sealed class PatternDetectorsTests
{
    /// <summary>The stated cap on one user's detector state, as JSON (what grain storage writes).</summary>
    private const int StateCapBytes = 320 * 1024;

    [Fact]
    public void Replay_OfTheSameLogTwice_GivesIdenticalReportsAndState()
    {
        var options = new SampleDataOptions { Users = 1, Days = 10, EventsPerDay = 400, Seed = 7 };

        var (_, _, first) = SampleReplay.Run(options, 0);
        var (_, _, second) = SampleReplay.Run(options, 0);

        Assert.NotEmpty(first.Final.CoEditGroups);
        Assert.NotEmpty(first.Final.Workflows);
        Assert.NotEmpty(first.FocusSessions);
        Assert.Equal(JsonSerializer.Serialize(first.Final), JsonSerializer.Serialize(second.Final));
        Assert.Equal(JsonSerializer.Serialize(first.State), JsonSerializer.Serialize(second.State));
    }

    [Fact]
    public void State_After100kEvents_StaysUnderTheCap()
    {
        var options = new SampleDataOptions { Users = 1, Days = 150, EventsPerDay = 1000, Seed = 11 };
        var sample = SampleGenerator.GenerateUser(options, 0);
        var state = new PatternDetectorsState();
        var detectors = new PatternDetectors(state, new PatternOptions(), SampleReplay.DaysOf(sample.Truth.Persona));
        var sizes = new List<int>();

        for (var i = 0; i < sample.Events.Count; i++)
        {
            detectors.Apply(sample.Events[i]);
            if ((i + 1) % 25_000 == 0)
            {
                sizes.Add(JsonSerializer.SerializeToUtf8Bytes(state).Length);
            }
        }

        Assert.True(sample.Events.Count >= 100_000, $"{sample.Events.Count} events");
        Assert.All(sizes, size => Assert.True(size < StateCapBytes, $"state {size} bytes after some 25k events: {string.Join(", ", sizes)}"));
        Assert.InRange(state.Focus.Sessions.Count, 1, FocusDetector.KeptSessions);
        Assert.InRange(state.Daily.Days.Count, 1, DailyActivityDetector.KeptDays);
        Assert.InRange(state.CoEdit.Groups.Count, 1, CoEditDetector.GroupCapacity);
    }
}
