using Floyo.Activity;
using Floyo.Patterns;
using Floyo.Users;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;

namespace Floyo.Postgres.Tests;

public sealed class OrleansPostgresProvidersTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const int Dead = 6, Active = 3;
    private const string StateName = "counter";

    [Fact]
    public async Task Restart_WhenTheWholeClusterStopsAndStartsAgain_KeepsUsersKeysEventsAndAggregates()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        var clusterId = "restart-" + Guid.NewGuid().ToString("N")[..8];
        var userId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var events = new[]
        {
            new ActivityEvent(ActivityKind.Created, "src/a.cs", now, "floyo", ClientEventId: "e1"),
            new ActivityEvent(ActivityKind.Modified, "src/a.cs", now.AddSeconds(1), "floyo", ClientEventId: "e2"),
            new ActivityEvent(ActivityKind.Modified, "web/b.ts", now.AddSeconds(2), "shop", ClientEventId: "e3"),
            new ActivityEvent(ActivityKind.Opened, "README", now.AddSeconds(3), ClientEventId: "e4"),
            new ActivityEvent(ActivityKind.Modified, "src/c.cs", now.AddSeconds(4), "floyo", ClientEventId: "e5"),
            new ActivityEvent(ActivityKind.Deleted, "web/b.ts", now.AddSeconds(5), "shop", ClientEventId: "e6"),
        };

        UserProfile profile;
        CreatedApiKey key;
        ActivitySnapshot before;
        await using (var first = await SiloHost.StartAsync(connectionString, clusterId, cancellationToken))
        {
            var user = first.Grains.GetGrain<IUserGrain>(userId);
            profile = await user.EnsureCreatedAsync("Ada");
            key = await user.CreateApiKeyAsync("laptop");
            await user.GrantConsentAsync(PrivacyPolicy.CurrentVersion);
            var activity = first.Grains.GetGrain<IUserActivityGrain>(userId);
            Assert.Equal(Accepted(1, 2, 3, 4), await activity.IngestAsync(events[..4]));
            Assert.Equal(
                [new IngestItemResult(IngestOutcome.Duplicate, 2), new IngestItemResult(IngestOutcome.Accepted, 5), new IngestItemResult(IngestOutcome.Accepted, 6)],
                await activity.IngestAsync([events[1], events[4], events[5]]));
            before = await first.Grains.GetGrain<IPatternDetectorGrain>(userId).GetSnapshotAsync();
        }

        Assert.Equal((6L, 6L), (before.LastSequence, before.TotalEvents));
        Assert.Equal([new NamedCount("modified", 3), new NamedCount("created", 1), new NamedCount("deleted", 1), new NamedCount("opened", 1)], before.TodayByKind);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        Assert.Equal([Dead], await MembershipStatusesAsync(dataSource, clusterId, cancellationToken));

        // The pattern grain wrote its aggregates when the silo shut down, so the next activation need not replay the log.
        Assert.Equal(
            ["6"],
            await Sql.StringsAsync(dataSource, "SELECT convert_from(payload, 'UTF8')::jsonb ->> 'Checkpoint' FROM orleans_storage WHERE grain_type = 'patterns'", cancellationToken));

        await using (var second = await SiloHost.StartAsync(connectionString, clusterId, cancellationToken))
        {
            var user = second.Grains.GetGrain<IUserGrain>(userId);
            Assert.Equal(profile, await user.GetProfileAsync());
            Assert.Equal([key.Info], await user.ListApiKeysAsync());
            Assert.Equal(userId, await second.Grains.GetGrain<IApiKeyDirectoryGrain>(ApiKeyFormat.Hash(key.Key)).ResolveAsync());
            var activity = second.Grains.GetGrain<IUserActivityGrain>(userId);
            Assert.Equal(6, await activity.GetLastSequenceAsync());
            var after = await second.Grains.GetGrain<IPatternDetectorGrain>(userId).GetSnapshotAsync();
            AssertSameSnapshot(before, after);

            // The sequencer resumes from the log: a retried id is still a duplicate and a new event continues the sequence.
            Assert.Equal(
                [new IngestItemResult(IngestOutcome.Duplicate, 6), new IngestItemResult(IngestOutcome.Accepted, 7)],
                await activity.IngestAsync([events[5], new ActivityEvent(ActivityKind.Modified, "src/d.cs", now.AddSeconds(6), ClientEventId: "e7")]));
            Assert.Equal([Dead, Active], await MembershipStatusesAsync(dataSource, clusterId, cancellationToken));

            // Defunct-silo cleanup removes the first silo's row and keeps the active one.
            await second.Services.GetRequiredService<IMembershipTable>().CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddSeconds(1), cancellationToken);
            Assert.Equal([Active], await MembershipStatusesAsync(dataSource, clusterId, cancellationToken));
        }

        Assert.Equal([Dead], await MembershipStatusesAsync(dataSource, clusterId, cancellationToken));
    }

    [Fact]
    public async Task IngestAsync_WhenTheLogMovedOnBehindTheSequencer_FailsThatBatchAndResumesFromTheLogOnTheRetry()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        await using var silo = await SiloHost.StartAsync(connectionString, "sequencer-" + Guid.NewGuid().ToString("N")[..8], cancellationToken);
        var userId = Guid.NewGuid();
        await silo.Grains.GetGrain<IUserGrain>(userId).EnsureCreatedAsync("Sequencer");
        await silo.Grains.GetGrain<IUserGrain>(userId).GrantConsentAsync(PrivacyPolicy.CurrentVersion);
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        var events = Enumerable.Range(1, 4).Select(i => new ActivityEvent(ActivityKind.Modified, $"src/{i}.cs", now.AddSeconds(i), ClientEventId: $"e{i}")).ToArray();
        var activity = silo.Grains.GetGrain<IUserActivityGrain>(userId);
        Assert.Equal(Accepted(1, 2), await activity.IngestAsync(events[..2]));

        // Event 3 reaches the log without this activation knowing, as when a racing activation stored it or when the
        // answer to a committed append was lost.
        await silo.Services.GetRequiredService<IEventLog>().AppendAsync(userId, [new SequencedEvent(3, events[2])], cancellationToken);

        await Assert.ThrowsAsync<EventLogUnavailableException>(() => activity.IngestAsync(events[2..]));
        Assert.Equal(
            [new IngestItemResult(IngestOutcome.Duplicate, 3), new IngestItemResult(IngestOutcome.Accepted, 4)],
            await activity.IngestAsync(events[2..]));
        Assert.Equal(4, await activity.GetLastSequenceAsync());
    }

    [Fact]
    public async Task ReminderTable_WhenRowsAreUpsertedReadAndDeleted_RoundTripsThroughPostgres()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        await using var silo = await SiloHost.StartAsync(connectionString, "reminders-" + Guid.NewGuid().ToString("N")[..8], cancellationToken);
        var table = silo.Services.GetRequiredService<IReminderTable>();
        var start = new DateTime(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc);
        var grainIds = Enumerable.Range(0, 32).Select(i => GrainId.Create("floyotest", $"grain-{i}")).ToList();
        var etags = new Dictionary<(GrainId, string), string>();
        foreach (var grainId in grainIds)
        {
            etags[(grainId, "tick")] = (await table.UpsertRow(Reminder(grainId, "tick", start, TimeSpan.FromMinutes(5)), cancellationToken))!;
        }

        var target = grainIds[0];
        etags[(target, "tock")] = (await table.UpsertRow(Reminder(target, "tock", start, TimeSpan.FromHours(1)), cancellationToken))!;

        // Upserting an existing reminder replaces it and changes its ETag; a period beyond int milliseconds round-trips.
        var replaced = await table.UpsertRow(Reminder(target, "tick", start.AddHours(1), TimeSpan.FromDays(40)), cancellationToken);
        Assert.NotEqual(etags[(target, "tick")], replaced);
        var row = await table.ReadRow(target, "tick", cancellationToken);
        Assert.NotNull(row);
        Assert.Equal((target, "tick", start.AddHours(1), TimeSpan.FromDays(40), replaced), (row.GrainId, row.ReminderName, row.StartAt, row.Period, row.ETag));
        Assert.Equal(["tick", "tock"], (await table.ReadRows(target, cancellationToken)).Reminders.Select(r => r.ReminderName).Order());
        Assert.Null(await table.ReadRow(target, "missing", cancellationToken));

        // Ring ranges (begin, end] in unsigned order, wrapping when begin >= end; they exercise both range queries.
        var hashes = etags.Keys.Select(k => k.Item1).Distinct().ToDictionary(g => g, g => g.GetUniformHashCode());
        var targetHash = hashes[target];
        (uint Begin, uint End)[] ranges =
        [
            (0, 0), (0x10000000, 0x70000000), (0x70000000, 0x90000000), (0x90000000, 0xF0000000), (0xF0000000, 0x20000000),
            (0x60000000, 0x10000000), (unchecked(targetHash - 1), targetHash), (targetHash, unchecked(targetHash + 1)),
        ];
        foreach (var (begin, end) in ranges)
        {
            var expected = etags.Keys.Where(k => InRange(hashes[k.Item1], begin, end)).Select(k => $"{k.Item1}/{k.Item2}").Order();
            var actual = (await table.ReadRows(begin, end, cancellationToken)).Reminders.Select(r => $"{r.GrainId}/{r.ReminderName}").Order();
            Assert.True(expected.SequenceEqual(actual), $"Range ({begin:X8}, {end:X8}]: expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
        }

        // Deleting needs the current ETag.
        Assert.False(await table.RemoveRow(target, "tick", etags[(target, "tick")], cancellationToken));
        Assert.True(await table.RemoveRow(target, "tick", replaced!, cancellationToken));
        Assert.Null(await table.ReadRow(target, "tick", cancellationToken));
        Assert.Equal(["tock"], (await table.ReadRows(target, cancellationToken)).Reminders.Select(r => r.ReminderName));
    }

    [Fact]
    public async Task GrainStorage_WhenWritingWithAStaleETagAndClearing_RejectsTheWriteAndDeletesTheRow()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        await using var silo = await SiloHost.StartAsync(connectionString, "storage-" + Guid.NewGuid().ToString("N")[..8], cancellationToken);
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(FloyoNames.GrainStorage);
        var grainId = GrainId.Create("floyotest", Guid.NewGuid().ToString("N"));
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        var written = new GrainState<CounterState>(new CounterState { Value = 1 });
        await storage.WriteStateAsync(StateName, grainId, written, cancellationToken);
        var stale = new GrainState<CounterState>();
        await storage.ReadStateAsync(StateName, grainId, stale, cancellationToken);
        Assert.Equal((1, true, written.ETag), (stale.State!.Value, stale.RecordExists, stale.ETag));

        written.State!.Value = 2;
        await storage.WriteStateAsync(StateName, grainId, written, cancellationToken);
        Assert.NotEqual(stale.ETag, written.ETag);
        stale.State!.Value = 3;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, stale, cancellationToken));
        var read = new GrainState<CounterState>();
        await storage.ReadStateAsync(StateName, grainId, read, cancellationToken);
        Assert.Equal((2, written.ETag), (read.State!.Value, read.ETag));

        // Clearing deletes the row (DeleteStateOnClear), and the grain can start over.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grainId, stale, cancellationToken));
        await storage.ClearStateAsync(StateName, grainId, written, cancellationToken);
        Assert.Equal([0L], await Sql.QueryAsync(dataSource, "SELECT count(*) FROM orleans_storage WHERE grain_type = $1", r => r.GetInt64(0), cancellationToken, StateName));
        var cleared = new GrainState<CounterState>();
        await storage.ReadStateAsync(StateName, grainId, cleared, cancellationToken);
        Assert.Equal((0, false, (string?)null), (cleared.State!.Value, cleared.RecordExists, cleared.ETag));
        await storage.WriteStateAsync(StateName, grainId, cleared, cancellationToken);
        Assert.Equal([1L], await Sql.QueryAsync(dataSource, "SELECT count(*) FROM orleans_storage WHERE grain_type = $1", r => r.GetInt64(0), cancellationToken, StateName));
    }

    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static ReminderEntry Reminder(GrainId grainId, string name, DateTime startAt, TimeSpan period) =>
        new() { GrainId = grainId, ReminderName = name, StartAt = startAt, Period = period };

    private static IngestItemResult[] Accepted(params long[] sequences) =>
        [.. sequences.Select(s => new IngestItemResult(IngestOutcome.Accepted, s))];

    private static void AssertSameSnapshot(ActivitySnapshot expected, ActivitySnapshot actual)
    {
        Assert.Equal((expected.UserId, expected.Day, expected.LastSequence, expected.TotalEvents), (actual.UserId, actual.Day, actual.LastSequence, actual.TotalEvents));
        Assert.Equal(expected.TodayByKind, actual.TodayByKind);
        Assert.Equal(expected.TodayByExtension, actual.TodayByExtension);
        Assert.Equal(expected.TodayByProject, actual.TodayByProject);
        Assert.Equal(expected.RecentFiles, actual.RecentFiles);
    }

    private static Task<List<int>> MembershipStatusesAsync(NpgsqlDataSource dataSource, string clusterId, CancellationToken cancellationToken) =>
        Sql.QueryAsync(
            dataSource, "SELECT status FROM orleans_membership WHERE deployment_id = $1 ORDER BY start_time", r => r.GetInt32(0), cancellationToken, clusterId);

    public sealed class CounterState
    {
        public int Value { get; set; }
    }
}
