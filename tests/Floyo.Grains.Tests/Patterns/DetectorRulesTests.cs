using Floyo.Activity;
using Floyo.Patterns;
using Floyo.Patterns.Detectors;

namespace Floyo.Grains.Tests.Patterns;

/// <summary>The detectors' rules on small hand-written logs (the generated case is <see cref="PatternEvaluationTests"/>).</summary>
public sealed class DetectorRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CoEdit_FilesChangedTogetherInFourWindows_CountsEveryWindowIncludingTheFirst()
    {
        var log = new Log();
        for (var i = 0; i < 4; i++)
        {
            log.Save("src/Orders/OrderService.cs", Start.AddHours(3 * i));
            log.Save("src/Orders/OrderMapper.cs", Start.AddHours(3 * i).AddMinutes(2));
            log.Save($"src/Other/First{i}.cs", Start.AddHours((3 * i) + 1));
            log.Save($"src/Other/Second{i}.cs", Start.AddHours((3 * i) + 2));
        }

        var group = Assert.Single(log.Report().CoEditGroups);

        Assert.Equal(["src/Orders/OrderMapper.cs", "src/Orders/OrderService.cs"], group.Files);
        Assert.Equal(4, group.Support);
        Assert.Equal(1, group.Confidence);
    }

    [Fact]
    public void CoEdit_WindowsWhereThePairIsLessThanHalfOfTheFiles_DoNotCountForIt()
    {
        var log = new Log();
        for (var i = 0; i < 6; i++)
        {
            var at = Start.AddHours(i);
            foreach (var file in new[] { "A.cs", "B.cs", $"C{i}.cs", $"D{i}.cs", $"E{i}.cs" })
            {
                log.Save("src/Orders/" + file, at);
                at = at.AddMinutes(1);
            }
        }

        Assert.Empty(log.Report().CoEditGroups);
    }

    [Fact]
    public void Workflows_SavesOfFourFilesSecondsApart_AreACommitLikeBurst()
    {
        var log = new Log();
        for (var i = 0; i < 4; i++)
        {
            var at = Start.AddMinutes(20 * i);
            log.Tool(ActivityKind.Build, at);
            log.SaveEach(at.AddMinutes(1), TimeSpan.FromSeconds(2), "src/A.cs", "src/B.cs", "src/C.cs", "src/D.cs");
        }

        log.Tool(ActivityKind.Build, Start.AddHours(3));

        var workflow = Assert.Single(log.Report().Workflows);
        Assert.Equal([WorkflowSteps.Build, WorkflowSteps.CommitBurst], workflow.Steps.Select(s => s.Id));
        Assert.Equal(4, workflow.Occurrences);
    }

    [Fact]
    public void Workflows_SavesAsCloseAsTheUserUsuallySaves_AreNoBurst()
    {
        var log = new Log();
        for (var i = 0; i < 4; i++)
        {
            var at = Start.AddMinutes(20 * i);
            log.SaveEach(at, TimeSpan.FromSeconds(20), [.. Enumerable.Repeat("src/A.cs", 10)]);
            log.Tool(ActivityKind.Build, at.AddMinutes(4));
            log.SaveEach(at.AddMinutes(5), TimeSpan.FromSeconds(8), "src/A.cs", "src/B.cs", "src/C.cs", "src/D.cs");
        }

        log.Tool(ActivityKind.Build, Start.AddHours(3));

        Assert.NotEmpty(log.Report().Workflows);
        Assert.DoesNotContain(log.Report().Workflows, w => w.Steps.Any(s => s.Id == WorkflowSteps.CommitBurst));
    }

    [Fact]
    public void Focus_SparseEventsWithTwoExcursionEventsInARow_StayOneSession()
    {
        var log = new Log();
        for (var i = 0; i < 16; i++)
        {
            var at = Start.AddSeconds(150 * i);
            log.Heartbeat(i is 7 or 8 ? "src/Billing/Invoice.cs" : "src/Orders/OrderService.cs", at, i is 7 ? "other" : "floyo");
        }

        log.Heartbeat("src/Orders/OrderService.cs", Start.AddHours(2));

        var session = Assert.Single(log.Report().Focus.Sessions);
        Assert.Equal((Start, Start.AddSeconds(150 * 15)), (session.Start, session.End));
    }

    [Fact]
    public void Focus_WorkSplitBetweenTwoAreas_IsNoSession()
    {
        var log = new Log();
        for (var i = 0; i < 20; i++)
        {
            log.Heartbeat(i % 5 < 3 ? "src/Orders/OrderService.cs" : "src/Billing/Invoice.cs", Start.AddSeconds(150 * i));
        }

        log.Heartbeat("src/Orders/OrderService.cs", Start.AddHours(2));

        Assert.Empty(log.Report().Focus.Sessions);
    }

    private sealed class Log
    {
        private readonly List<ActivityEvent> events = [];

        public void Save(string file, DateTimeOffset at) =>
            events.Add(new ActivityEvent(ActivityKind.Modified, file, at, "floyo", Details: new EventDetails { IsWrite = true }));

        public void SaveEach(DateTimeOffset at, TimeSpan apart, params string[] files)
        {
            foreach (var file in files)
            {
                Save(file, at);
                at += apart;
            }
        }

        public void Heartbeat(string file, DateTimeOffset at, string project = "floyo") =>
            events.Add(new ActivityEvent(ActivityKind.Heartbeat, file, at, project));

        public void Tool(ActivityKind kind, DateTimeOffset at) => events.Add(new ActivityEvent(kind, "floyo.csproj", at, "floyo"));

        public PatternReport Report()
        {
            var detectors = new PatternDetectors(new PatternDetectorsState(), new PatternOptions(), LocalDays.Utc);
            foreach (var e in events)
            {
                detectors.Apply(e);
            }

            return detectors.Report(Guid.Empty, events.Count, events.Count);
        }
    }
}
