using Floyo.Activity;
using Floyo.Users;

namespace Floyo.Grains.Tests;

[Collection(nameof(ClusterCollection))]
public sealed class UserActivityGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task IngestAsync_WhenBatchesArrive_AssignsContiguousSequencesAndStoresThem()
    {
        var userId = await fixture.NewConsentingUserAsync();
        var grain = fixture.Client.GetGrain<IUserActivityGrain>(userId);

        var first = await grain.IngestAsync([TestEvents.Modified("a.cs"), TestEvents.Modified("b.cs"), TestEvents.Created("c.ts")]);
        var second = await grain.IngestAsync([TestEvents.Modified("a.cs"), TestEvents.Modified("d.md")]);

        Assert.Equal([1L, 2L, 3L], first.Select(r => r.Sequence!.Value));
        Assert.Equal([4L, 5L], second.Select(r => r.Sequence!.Value));
        Assert.Equal(5, await grain.GetLastSequenceAsync());
        var stored = await fixture.EventLog.ReadAsync(userId, 0, 100, TestContext.Current.CancellationToken);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], stored.Select(e => e.Sequence));
        Assert.Equal(["a.cs", "b.cs", "c.ts", "a.cs", "d.md"], stored.Select(e => e.Event.Entity));
    }

    [Fact]
    public async Task IngestAsync_WhenABatchIsRetriedAfterReactivation_StoresItOnce()
    {
        var userId = await fixture.NewConsentingUserAsync();
        var grain = fixture.Client.GetGrain<IUserActivityGrain>(userId);
        IReadOnlyList<ActivityEvent> batch = [TestEvents.Modified("a.cs", id: "e1"), TestEvents.Modified("b.cs", id: "e2")];
        await grain.IngestAsync(batch);

        await fixture.Cluster.DeactivateAsync(grain);
        var retried = await grain.IngestAsync([.. batch, TestEvents.Modified("c.cs", id: "e3")]);

        Assert.Equal(
            [new IngestItemResult(IngestOutcome.Duplicate, 1), new IngestItemResult(IngestOutcome.Duplicate, 2), new IngestItemResult(IngestOutcome.Accepted, 3)],
            retried);
        Assert.Equal(3, (await fixture.EventLog.ReadAsync(userId, 0, 100, TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task IngestAsync_WhenSomeEventsAreInvalid_StoresOnlyTheValidOnes()
    {
        var userId = await fixture.NewConsentingUserAsync();
        var grain = fixture.Client.GetGrain<IUserActivityGrain>(userId);

        var results = await grain.IngestAsync([
            TestEvents.Modified(new string('x', ActivityEventRules.MaxEntityLength + 1)),
            TestEvents.Modified("ok.cs"),
            TestEvents.Modified("ok.cs", project: "bad\nproject"),
        ]);

        Assert.Equal([IngestOutcome.Rejected, IngestOutcome.Accepted, IngestOutcome.Rejected], results.Select(r => r.Outcome));
        Assert.Equal(["entity", null, "project"], results.Select(r => r.Field));
        Assert.Equal(["ok.cs"], (await fixture.EventLog.ReadAsync(userId, 0, 100, TestContext.Current.CancellationToken)).Select(e => e.Event.Entity));
    }

    [Fact]
    public async Task IngestAsync_BeforeConsent_RefusesAndStoresNothing()
    {
        var userId = Guid.NewGuid();
        await fixture.Client.GetGrain<IUserGrain>(userId).EnsureCreatedAsync("No consent yet");

        var refused = await Assert.ThrowsAsync<CollectionRefusedException>(() =>
            fixture.Client.GetGrain<IUserActivityGrain>(userId).IngestAsync([TestEvents.Modified("a.cs")]));

        Assert.Equal("consent_required", refused.Reason);
        Assert.Empty(await fixture.EventLog.ReadAsync(userId, 0, 10, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task IngestAsync_WhenPausedOrWithdrawn_RefusesAtOnceAndResumesAfterwards()
    {
        var userId = await fixture.NewConsentingUserAsync();
        var user = fixture.Client.GetGrain<IUserGrain>(userId);
        var grain = fixture.Client.GetGrain<IUserActivityGrain>(userId);
        await grain.IngestAsync([TestEvents.Modified("before.cs")]);

        await user.SetTrackingPausedAsync(true);
        var paused = await Assert.ThrowsAsync<CollectionRefusedException>(() => grain.IngestAsync([TestEvents.Modified("paused.cs")]));
        await user.SetTrackingPausedAsync(false);
        await grain.IngestAsync([TestEvents.Modified("resumed.cs")]);
        await user.WithdrawConsentAsync();
        var withdrawn = await Assert.ThrowsAsync<CollectionRefusedException>(() => grain.IngestAsync([TestEvents.Modified("withdrawn.cs")]));
        await fixture.Cluster.DeactivateAsync(grain);
        var afterReactivation = await Assert.ThrowsAsync<CollectionRefusedException>(() => grain.IngestAsync([TestEvents.Modified("still-withdrawn.cs")]));

        Assert.Equal(("tracking_paused", "consent_required", "consent_required"), (paused.Reason, withdrawn.Reason, afterReactivation.Reason));
        var stored = await fixture.EventLog.ReadAsync(userId, 0, 10, TestContext.Current.CancellationToken);
        Assert.Equal(["before.cs", "resumed.cs"], stored.Select(e => e.Event.Entity));
    }
}
