using System.Text.Json;
using System.Text.Json.Nodes;
using Floyo.Patterns.Detectors;
using Floyo.SampleData;

namespace Floyo.Grains.Tests.Patterns;

public sealed class DetectorStateUpgradeTests
{
    private static readonly SampleDataOptions Options = new() { Users = 1, Days = 10, EventsPerDay = 300, Seed = 3 };

    /// <summary>Properties added with version 1; a state saved before has none of them.</summary>
    private static readonly string[] AddedInVersion1 =
        ["Version", "RecentWindows", "WindowContinues", "ChangeGaps", "LastFileEventAt", "EventGaps", "AwayEvents", "ExcursionEvents"];

    [Fact]
    public void Load_OfAStateSavedBeforeVersions_StartsCoEditAndWorkflowsOverAndKeepsTheRest()
    {
        var sample = SampleGenerator.GenerateUser(Options, 0);
        var days = SampleReplay.DaysOf(sample.Truth.Persona);
        var split = sample.Events.Count * 3 / 4;
        var first = PatternReplay.Run(Guid.Empty, sample.Events.Take(split), new PatternOptions(), days);
        var saved = JsonSerializer.SerializeToNode(first.State)!;
        RemoveProperties(saved, AddedInVersion1);
        var old = saved.Deserialize<PatternDetectorsState>()!;

        var detectors = new PatternDetectors(old, new PatternOptions(), days);

        Assert.Equal(DetectorStateUpgrade.CurrentVersion, old.Version);
        Assert.NotEmpty(first.State.CoEdit.Groups);
        Assert.Empty(old.CoEdit.Groups);
        Assert.Empty(old.Workflows.Sequences);
        Assert.Equal(first.State.Focus.Sessions, old.Focus.Sessions);
        Assert.Equal(first.State.Daily.Days.Keys, old.Daily.Days.Keys);
        foreach (var e in sample.Events.Skip(split))
        {
            detectors.Apply(e);
        }

        Assert.NotEmpty(old.CoEdit.RecentWindows);
        Assert.NotEmpty(old.Workflows.Sequences);
    }

    [Fact]
    public void Load_OfACurrentState_KeepsEverything()
    {
        var (_, days, run) = SampleReplay.Run(Options, 0);
        var before = JsonSerializer.Serialize(run.State);

        _ = new PatternDetectors(run.State, new PatternOptions(), days);

        Assert.Equal(before, JsonSerializer.Serialize(run.State));
    }

    private static void RemoveProperties(JsonNode node, string[] names)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in names)
                {
                    obj.Remove(name);
                }

                foreach (var child in obj.Select(p => p.Value).OfType<JsonNode>().ToList())
                {
                    RemoveProperties(child, names);
                }

                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>())
                {
                    RemoveProperties(child, names);
                }

                break;
        }
    }
}
