using Floyo.Activity;
using Floyo.Live;
using Floyo.Patterns;
using Floyo.SampleData;
using Floyo.Time;
using Floyo.Time.Rollups;
using Floyo.Users;
using Orleans.Streams;

namespace Floyo.Grains.Tests;

[Collection(nameof(ClusterCollection))]
public sealed class PatternDetectorGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task GetSnapshotAsync_AfterIngest_CountsTodayByKindExtensionAndProject()
    {
        var userId = await fixture.NewConsentingUserAsync();
        await Activity(userId).IngestAsync([
            TestEvents.Modified("src/A.cs"), TestEvents.Modified("src/b.cs"), TestEvents.Created("web/app.ts", "shop"),
            TestEvents.Modified("Makefile", project: null),
        ]);

        var snapshot = await Patterns(userId).GetSnapshotAsync();

        Assert.Equal(4, snapshot.LastSequence);
        Assert.Equal(4, snapshot.TotalEvents);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), snapshot.Day);
        Assert.Equal([new NamedCount("modified", 3), new NamedCount("created", 1)], snapshot.TodayByKind);
        Assert.Equal([new NamedCount(".cs", 2), new NamedCount("(none)", 1), new NamedCount(".ts", 1)], snapshot.TodayByExtension);
        Assert.Equal([new NamedCount("floyo", 2), new NamedCount("(no project)", 1), new NamedCount("shop", 1)], snapshot.TodayByProject);
        Assert.Equal(["Makefile", "web/app.ts", "src/b.cs", "src/A.cs"], snapshot.RecentFiles.Select(f => f.Entity));
    }

    [Fact]
    public async Task OnNextAsync_WhenIngested_PushesTheChangedCountsToObservers()
    {
        var userId = await fixture.NewConsentingUserAsync();
        var (observer, reference) = await SubscribeAsync(userId);
        await Activity(userId).IngestAsync([TestEvents.Modified("a.cs"), TestEvents.Modified("b.md")]);
        await observer.WaitForSequenceAsync(2);

        await Activity(userId).IngestAsync([TestEvents.Created("c.cs")]);
        var update = await observer.WaitForSequenceAsync(3);

        Assert.Equal(3, update.TotalEvents);
        Assert.Equal([new NamedCount("created", 1)], update.TodayByKind);
        Assert.Equal([new NamedCount(".cs", 2)], update.TodayByExtension);
        Assert.Equal([new NamedCount("floyo", 3)], update.TodayByProject);
        Assert.Equal("c.cs", update.RecentFiles[0].Entity);
        fixture.Client.DeleteObjectReference<IActivityObserver>(reference);
    }

    [Fact]
    public async Task OnNextAsync_WhenABatchIsDeliveredTwice_CountsItOnce()
    {
        var userId = await fixture.NewConsentingUserAsync();
        var (observer, reference) = await SubscribeAsync(userId);
        await Activity(userId).IngestAsync([TestEvents.Modified("a.cs"), TestEvents.Modified("b.cs")]);
        var logged = await fixture.EventLog.ReadAsync(userId, 0, 10, TestContext.Current.CancellationToken);
        await observer.WaitForSequenceAsync(2);

        await ActivityStream(userId).OnNextAsync(new ActivityBatch(userId, logged));
        await Activity(userId).IngestAsync([TestEvents.Modified("c.cs")]);
        var update = await observer.WaitForSequenceAsync(3);

        Assert.Equal(3, update.TotalEvents);
        Assert.Equal([new NamedCount("modified", 3)], update.TodayByKind);
        fixture.Client.DeleteObjectReference<IActivityObserver>(reference);
    }

    [Fact]
    public async Task OnNextAsync_WhenEarlierNotificationsWereLost_BackfillsThemFromTheLog()
    {
        var userId = await fixture.NewConsentingUserAsync();
        var (observer, reference) = await SubscribeAsync(userId);

        // Events 1..3 reach the log but their notification never does (as when a silo dies mid-flight).
        await fixture.EventLog.AppendAsync(userId, [
            new SequencedEvent(1, TestEvents.Modified("lost1.cs")), new SequencedEvent(2, TestEvents.Modified("lost2.cs")),
            new SequencedEvent(3, TestEvents.Created("lost3.py")),
        ], TestContext.Current.CancellationToken);
        await fixture.Cluster.DeactivateAsync(Activity(userId)); // the sequencer re-reads the head the test wrote behind its back
        await Activity(userId).IngestAsync([TestEvents.Modified("seen.cs")]);
        var update = await observer.WaitForSequenceAsync(4);

        Assert.Equal(4, update.LastSequence);
        Assert.Equal(4, update.TotalEvents);
        Assert.Equal([new NamedCount("modified", 3), new NamedCount("created", 1)], update.TodayByKind);
        Assert.Equal(["seen.cs", "lost3.py", "lost2.cs", "lost1.cs"], update.RecentFiles.Select(f => f.Entity));
        fixture.Client.DeleteObjectReference<IActivityObserver>(reference);
    }

    [Fact]
    public async Task FirstCall_OnALongUnseenHistory_AnswersAtOnceWithCompleteDayTouchesAndReplaysTheRestInTheBackground()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var userId = await fixture.NewConsentingUserAsync();
        var count = 10 * PatternDetectorGrain.CatchUpBudget + 123;
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        var history = Enumerable.Range(1, count)
            .Select(i => new SequencedEvent(i, TestEvents.Modified($"src/f{i % 40}.cs") with { Timestamp = start.AddSeconds(i * 30) }))
            .ToList();
        foreach (var chunk in history.Chunk(10_000))
        {
            await fixture.EventLog.AppendAsync(userId, chunk, cancellationToken);
        }

        var touches = await Patterns(userId).GetDayTouchesAsync();
        var first = await Patterns(userId).GetSnapshotAsync();
        var expected = history.GroupBy(e => DateOnly.FromDateTime(e.Event.Timestamp.UtcDateTime)).ToDictionary(g => g.Key, g => g.Max(e => e.Sequence));

        Assert.Equal(count, touches.Checkpoint);
        Assert.Equal(expected.OrderBy(p => p.Key), touches.LastSequenceByUtcDay.OrderBy(p => p.Key));
        Assert.InRange(first.LastSequence, PatternDetectorGrain.CatchUpBudget, count - 1);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(TimeSpan.FromSeconds(60));
        while ((await Patterns(userId).GetSnapshotAsync()).LastSequence < count)
        {
            await Task.Delay(50, patience.Token);
        }

        Assert.Equal(count, (await Patterns(userId).GetSnapshotAsync()).TotalEvents);
        Assert.Equal(count, (await Patterns(userId).GetDayTouchesAsync()).Checkpoint);

        // Applying that many events warmed the day rollups in the background: the first stats find them stored.
        var settings = await fixture.Client.GetGrain<IUserGrain>(userId).GetSettingsAsync();
        var key = RollupKey.Of(ReportTimeZone.Find(settings.TimeZone), settings.KeystrokeTimeout);
        var historyDay = DateOnly.FromDateTime(start.UtcDateTime).AddDays(1);
        while ((await fixture.RollupStore.ReadAsync(userId, key, historyDay, historyDay, RollupDetail.Totals, patience.Token)).Count == 0)
        {
            await Task.Delay(50, patience.Token);
        }
    }

    [Fact]
    public async Task DeactivateAsync_AfterIngest_PersistsCheckpointWithAggregates()
    {
        var userId = await fixture.NewConsentingUserAsync();
        await Activity(userId).IngestAsync([TestEvents.Modified("a.cs"), TestEvents.Created("b.ts")]);
        var before = await Patterns(userId).GetSnapshotAsync();

        await fixture.Cluster.DeactivateAsync(Patterns(userId));
        var after = await Patterns(userId).GetSnapshotAsync();
        var persisted = new GrainState<PatternState>();
        await fixture.GrainStorage.ReadStateAsync("patterns", Patterns(userId).GetGrainId(), persisted);

        Assert.True(persisted.RecordExists, $"etag={persisted.ETag} id={Patterns(userId).GetGrainId()}");
        Assert.Equal(2, persisted.State!.Checkpoint);
        Assert.Equal(new Dictionary<string, long> { ["modified"] = 1, ["created"] = 1 }, persisted.State.ByKind);
        Assert.Equal(before.TodayByKind, after.TodayByKind);
        Assert.Equal(before.TodayByExtension, after.TodayByExtension);
        Assert.Equal(before.RecentFiles, after.RecentFiles);
        Assert.Equal(before.LastSequence, after.LastSequence);
    }

    [Fact]
    public async Task GetPatternsAsync_ForAUserWithoutEvents_ReturnsAnEmptyReport()
    {
        var userId = await fixture.NewConsentingUserAsync();

        var report = await Patterns(userId).GetPatternsAsync();

        Assert.Equal(userId, report.UserId);
        Assert.Equal(0, report.Checkpoint);
        Assert.Null(report.AsOf);
        Assert.Empty(report.CoEditGroups);
        Assert.Empty(report.Workflows);
        Assert.Empty(report.Focus.Sessions);
    }

    [Fact]
    public async Task GetPatternsAsync_AfterImportingGeneratedHistory_ReportsThePlantedPatterns()
    {
        var userId = await fixture.NewConsentingUserAsync();
        var sample = SampleGenerator.GenerateUser(new SampleDataOptions { Users = 1, Days = 14, EventsPerDay = 300, Seed = 5 }, 0);
        foreach (var batch in sample.Events.Chunk(1000))
        {
            await Activity(userId).ImportAsync(batch);
        }

        var report = await Patterns(userId).GetPatternsAsync();

        Assert.Equal(sample.Events.Count, report.Checkpoint);
        Assert.Equal(sample.Events[^1].Timestamp, report.AsOf);
        Assert.NotEmpty(report.CoEditGroups);
        Assert.All(report.CoEditGroups, g => Assert.Contains(sample.Truth.CoEditGroups, p => p.Project == g.Project && g.Files.All(p.Files.Contains)));
        Assert.NotEmpty(report.Workflows);
        Assert.All(report.Workflows, w => Assert.Contains(sample.Truth.Workflows, p => p.Steps.SequenceEqual(w.Steps.Select(s => s.Id))));
        Assert.NotEmpty(report.Focus.Sessions);
        Assert.NotEmpty(report.Extensions);
        Assert.NotEmpty(report.Tools.Categories);
        Assert.NotEmpty(report.HotFiles);
    }

    [Fact]
    public async Task GetPatternsAsync_AfterDeactivation_ReportsTheSameFromPersistedState()
    {
        var userId = await fixture.NewConsentingUserAsync();
        var sample = SampleGenerator.GenerateUser(new SampleDataOptions { Users = 1, Days = 5, EventsPerDay = 200, Seed = 9 }, 0);
        await Activity(userId).ImportAsync(sample.Events);
        var before = await Patterns(userId).GetPatternsAsync();

        await fixture.Cluster.DeactivateAsync(Patterns(userId));
        var after = await Patterns(userId).GetPatternsAsync();

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before), System.Text.Json.JsonSerializer.Serialize(after));
    }

    private async Task<(RecordingObserver Observer, IActivityObserver Reference)> SubscribeAsync(Guid userId)
    {
        var observer = new RecordingObserver();
        var reference = fixture.Client.CreateObjectReference<IActivityObserver>(observer);
        await Patterns(userId).SubscribeAsync(reference);
        return (observer, reference);
    }

    private IAsyncStream<ActivityBatch> ActivityStream(Guid userId) =>
        fixture.Client.GetStreamProvider(FloyoNames.StreamProvider)
            .GetStream<ActivityBatch>(StreamId.Create(FloyoNames.ActivityStreamNamespace, userId));

    private IUserActivityGrain Activity(Guid userId) => fixture.Client.GetGrain<IUserActivityGrain>(userId);

    private IPatternDetectorGrain Patterns(Guid userId) => fixture.Client.GetGrain<IPatternDetectorGrain>(userId);
}
