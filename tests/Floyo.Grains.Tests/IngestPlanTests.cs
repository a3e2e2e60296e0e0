using Floyo.Activity;

namespace Floyo.Grains.Tests;

public sealed class IngestPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_WhenBatchRepeatsAClientId_StoresItOnceAndReportsTheDuplicate()
    {
        var events = new[]
        {
            new ActivityEvent(ActivityKind.Modified, "a.cs", Now, ClientEventId: "1"),
            new ActivityEvent(ActivityKind.Modified, "a.cs", Now, ClientEventId: "1"),
            new ActivityEvent(ActivityKind.Created, "b.cs", Now),
        };

        var plan = IngestPlan.Create(events, lastSequence: 41, new RecentClientIds(), Now, TimeSpan.FromDays(30));

        Assert.Equal([42L, 43L], plan.ToStore.Select(e => e.Sequence));
        Assert.Equal(
            [new IngestItemResult(IngestOutcome.Accepted, 42), new IngestItemResult(IngestOutcome.Duplicate, 42), new IngestItemResult(IngestOutcome.Accepted, 43)],
            plan.Results);
    }

    [Theory]
    [InlineData("", "entity")]
    [InlineData("a\u0007b", "entity")]
    public void Create_WhenEntityIsInvalid_RejectsOnlyThatEvent(string entity, string field)
    {
        var events = new[] { new ActivityEvent(ActivityKind.Modified, entity, Now), new ActivityEvent(ActivityKind.Modified, "ok.cs", Now) };

        var plan = IngestPlan.Create(events, 0, new RecentClientIds(), Now, TimeSpan.FromDays(30));

        Assert.Equal(IngestOutcome.Rejected, plan.Results[0].Outcome);
        Assert.Equal(field, plan.Results[0].Field);
        Assert.Equal(new IngestItemResult(IngestOutcome.Accepted, 1), plan.Results[1]);
    }

    [Fact]
    public void Create_WhenTimestampsAreOutsideTheWindow_RejectsThem()
    {
        var events = new[]
        {
            new ActivityEvent(ActivityKind.Modified, "a.cs", Now.AddHours(2)),
            new ActivityEvent(ActivityKind.Modified, "a.cs", Now.AddDays(-31)),
            new ActivityEvent(ActivityKind.Modified, "a.cs", Now.AddMinutes(59)),
        };

        var plan = IngestPlan.Create(events, 0, new RecentClientIds(), Now, TimeSpan.FromDays(30));

        Assert.Equal([IngestOutcome.Rejected, IngestOutcome.Rejected, IngestOutcome.Accepted], plan.Results.Select(r => r.Outcome));
        Assert.Equal(["timestamp", "timestamp"], plan.Results.Take(2).Select(r => r.Field));
    }

    [Fact]
    public void Create_WhenRenameHasNoPreviousEntity_RejectsIt()
    {
        var plan = IngestPlan.Create([new ActivityEvent(ActivityKind.Renamed, "b.cs", Now)], 0, new RecentClientIds(), Now, TimeSpan.FromDays(30));

        Assert.Equal(IngestItemResult.Reject("previousEntity", "Is required."), plan.Results[0]);
        Assert.Empty(plan.ToStore);
    }
}
