using Floyo.Activity;
using Floyo.Silo.EventLog;
using Floyo.Silo.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Floyo.Postgres.Tests;

public sealed class PostgresEventLogTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Start = TruncateToMilliseconds(DateTimeOffset.UtcNow.AddMinutes(-30));
    private readonly RecordingLogger<GroupCommitWriter> writerLog = new();
    private NpgsqlDataSource dataSource = null!;
    private GroupCommitWriter writer = null!;
    private PostgresEventLog log = null!;

    public async ValueTask InitializeAsync()
    {
        dataSource = NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync());
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken);
        writer = new GroupCommitWriter(dataSource, writerLog);
        log = new PostgresEventLog(dataSource, writer);
    }

    public async ValueTask DisposeAsync()
    {
        await writer.DisposeAsync();
        await dataSource.DisposeAsync();
    }

    [Fact]
    public async Task ReadDayTouchesAsync_AfterASequence_GivesTheLastSequencePerUtcDayOfTheTailOnly()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var userId = Guid.NewGuid();
        var day = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero).AddDays(-3);
        SequencedEvent At(long sequence, DateTimeOffset timestamp) => new(sequence, new ActivityEvent(ActivityKind.Modified, "a.cs", timestamp, "p"));
        await log.AppendAsync(userId, [
            At(1, day.AddHours(10)), At(2, day.AddHours(23.9)), At(3, day.AddDays(1).AddHours(1)),
            At(4, day.AddHours(12)), At(5, day.AddDays(2).AddMinutes(1)),
        ], cancellationToken);

        var all = await log.ReadDayTouchesAsync(userId, 0, cancellationToken);
        var tail = await log.ReadDayTouchesAsync(userId, 3, cancellationToken);

        var first = DateOnly.FromDateTime(day.UtcDateTime);
        Assert.Equal([(first, 4L), (first.AddDays(1), 3L), (first.AddDays(2), 5L)], all.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)));
        Assert.Equal([(first, 4L), (first.AddDays(2), 5L)], tail.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)));
        Assert.Empty(await log.ReadDayTouchesAsync(Guid.NewGuid(), 0, cancellationToken));
    }

    [Fact]
    public async Task AppendAsync_WhenManyUsersAppendConcurrently_StoresEveryEventAndReadsThemBackInOrder()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        const int users = 16, appendsPerUser = 12, eventsPerAppend = 5;
        var userIds = Enumerable.Range(0, users).Select(_ => Guid.NewGuid()).ToList();
        var expected = userIds.ToDictionary(id => id, id => Events(id, 1, appendsPerUser * eventsPerAppend));

        // Each user appends its batches in order (as its sequencer grain does); the users run at the same time.
        await Task.WhenAll(userIds.Select(userId => Task.Run(
            async () =>
            {
                foreach (var chunk in expected[userId].Chunk(eventsPerAppend))
                {
                    await log.AppendAsync(userId, chunk, cancellationToken);
                }
            },
            cancellationToken)));

        foreach (var userId in userIds)
        {
            Assert.Equal(expected[userId], await log.ReadAsync(userId, 0, 1000, cancellationToken));
            Assert.Equal(expected[userId].Skip(50), await log.ReadAsync(userId, 50, 1000, cancellationToken));
            Assert.Equal(expected[userId].Skip(10).Take(7), await log.ReadAsync(userId, 10, 7, cancellationToken));
        }

        var total = await Sql.QueryAsync(dataSource, "SELECT count(*) FROM floyo_event_log", r => r.GetInt64(0), cancellationToken);
        Assert.Equal([users * appendsPerUser * eventsPerAppend], total);
    }

    [Fact]
    public async Task AppendAsync_WhileOneLaneWaitsForALock_CommitsTheOtherLane()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var held = Guid.NewGuid();
        var other = Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid()).First(id => GroupCommitWriter.LaneOf(id) != GroupCommitWriter.LaneOf(held));
        await log.AppendAsync(held, Events(held, 1, 1), cancellationToken);

        // Hold the first user's head row: its lane's next commit waits on it, the other lane's does not.
        await using var locker = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await locker.BeginTransactionAsync(cancellationToken);
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM floyo_event_log_users WHERE user_id = $1 FOR UPDATE", locker, transaction))
        {
            lockRow.Parameters.Add(new() { Value = held });
            await lockRow.ExecuteNonQueryAsync(cancellationToken);
        }

        var blocked = log.AppendAsync(held, Events(held, 2, 1), cancellationToken);
        await log.AppendAsync(other, Events(other, 1, 3), cancellationToken);
        Assert.False(blocked.IsCompleted);
        await transaction.RollbackAsync(cancellationToken);
        await blocked;

        Assert.Equal(Events(held, 1, 2), await log.ReadAsync(held, 0, 100, cancellationToken));
        Assert.Equal(Events(other, 1, 3), await log.ReadAsync(other, 0, 100, cancellationToken));
    }

    [Fact]
    public async Task AppendAsync_WhenASequenceNumberExists_ThrowsStoresNothingOfThatAppendAndCommitsTheOthersOfItsGroup()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // One lane, so all four appends wait behind the same commit.
        var blocker = Guid.NewGuid();
        var (good1, bad, good2) = (InLaneOf(blocker), InLaneOf(blocker), InLaneOf(blocker));
        await log.AppendAsync(bad, Events(bad, 1, 3), cancellationToken);

        // Hold the table (and so its partitions) so the writer's next commit (the blocker's) waits; appends arriving
        // meanwhile form one group.
        await using var locker = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await locker.BeginTransactionAsync(cancellationToken);
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE floyo_event_log IN SHARE MODE", locker, transaction))
        {
            await lockTable.ExecuteNonQueryAsync(cancellationToken);
        }

        var blocked = log.AppendAsync(blocker, Events(blocker, 1, 2), cancellationToken);
        await WaitUntilAnInsertWaitsForTheLockAsync(cancellationToken);
        var first = log.AppendAsync(good1, Events(good1, 1, 4), cancellationToken);
        var duplicate = log.AppendAsync(bad, Events(bad, 3, 2), cancellationToken);
        var second = log.AppendAsync(good2, Events(good2, 1, 1), cancellationToken);
        await transaction.RollbackAsync(cancellationToken);

        await blocked;
        await first;
        await second;
        await Assert.ThrowsAsync<EventLogUnavailableException>(() => duplicate);
        Assert.Contains("Warning: Group commit of 3 appends failed; committing them one by one", writerLog.Messages);
        Assert.Equal(Events(bad, 1, 3), await log.ReadAsync(bad, 0, 100, cancellationToken));
        Assert.Equal(Events(good1, 1, 4), await log.ReadAsync(good1, 0, 100, cancellationToken));
        Assert.Equal(Events(good2, 1, 1), await log.ReadAsync(good2, 0, 100, cancellationToken));
        Assert.Equal(Events(blocker, 1, 2), await log.ReadAsync(blocker, 0, 100, cancellationToken));
    }

    [Fact]
    public async Task ReadAsync_WhenDetailsListDependencies_ReturnsThemInOrder()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var userId = Guid.NewGuid();
        var stored = new SequencedEvent(1, new ActivityEvent(ActivityKind.Heartbeat, "a.go", Start, Details: new EventDetails { Dependencies = ["fmt", "net/http"] }));
        await log.AppendAsync(userId, [stored], cancellationToken);

        var read = Assert.Single(await log.ReadAsync(userId, 0, 10, cancellationToken));

        Assert.Equal(["fmt", "net/http"], read.Event.Details!.Dependencies!);
        Assert.Equal(stored.Event with { Details = null }, read.Event with { Details = null });
    }

    [Fact]
    public async Task ReadHeadAsync_WhenEventsAreStored_ReturnsTheLastSequenceAndTheMostRecentClientIdsOldestFirst()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var userId = Guid.NewGuid();
        var events = Events(userId, 1, 6)
            .Select(e => e with { Event = e.Event with { ClientEventId = e.Sequence == 5 ? null : $"client-{e.Sequence}" } })
            .ToList();
        await log.AppendAsync(userId, events.GetRange(0, 4), cancellationToken);
        await log.AppendAsync(userId, events.GetRange(4, 2), cancellationToken);

        var head = await log.ReadHeadAsync(userId, 3, cancellationToken);
        var empty = await log.ReadHeadAsync(Guid.NewGuid(), 3, cancellationToken);

        Assert.Equal(6, head.LastSequence);
        Assert.Equal([KeyValuePair.Create("client-3", 3L), KeyValuePair.Create("client-4", 4L), KeyValuePair.Create("client-6", 6L)], head.RecentClientIds);
        Assert.Equal(0, empty.LastSequence);
        Assert.Empty(empty.RecentClientIds);
    }

    [Fact]
    public async Task ReadHeadAsync_OnALongLogWithoutRecentIds_LooksNoFurtherBackThanTheScanDepth()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var userId = Guid.NewGuid();
        var count = IEventLog.HeadScanDepth + 1000;
        var events = Events(userId, 1, count)
            .Select(e => e with { Event = e.Event with { ClientEventId = e.Sequence is 10 or 1500 ? $"client-{e.Sequence}" : null } })
            .ToList();
        foreach (var chunk in events.Chunk(10_000))
        {
            await log.AppendAsync(userId, chunk, cancellationToken);
        }

        var head = await log.ReadHeadAsync(userId, 4096, cancellationToken);

        // Event 1500 is within the last HeadScanDepth events, event 10 is not.
        Assert.Equal(count, head.LastSequence);
        Assert.Equal([KeyValuePair.Create("client-1500", 1500L)], head.RecentClientIds);
    }

    [Fact]
    public async Task ReadRangeAsync_ReturnsTheUsersEventsFromInclusiveToExclusiveOrderedByTimeThenSequence()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (userId, other) = (Guid.NewGuid(), Guid.NewGuid());
        var events = AtMinutes(5, 1, 3, 1, 0, 10);
        await log.AppendAsync(userId, events, cancellationToken);
        await log.AppendAsync(other, events, cancellationToken);

        var middle = await log.ReadRangeAsync(userId, Start.AddMinutes(1), Start.AddMinutes(10), cancellationToken);
        var sameInOtherOffset = await log.ReadRangeAsync(userId, Start.AddMinutes(1).ToOffset(TimeSpan.FromHours(5)), Start.AddMinutes(10).ToOffset(TimeSpan.FromHours(-3)), cancellationToken);

        Assert.Equal([2L, 4L, 3L, 1L], middle.Select(e => e.Sequence));
        Assert.Equal([events[1], events[3], events[2], events[0]], middle);
        Assert.Equal(middle, sameInOtherOffset);
        Assert.Equal([5L], (await log.ReadRangeAsync(userId, Start, Start.AddMinutes(1), cancellationToken)).Select(e => e.Sequence));
        Assert.Empty(await log.ReadRangeAsync(userId, Start.AddMinutes(2), Start.AddMinutes(3), cancellationToken));
        Assert.Empty(await log.ReadRangeAsync(userId, Start.AddMinutes(10), Start.AddMinutes(1), cancellationToken));
        Assert.Empty(await log.ReadRangeAsync(Guid.NewGuid(), Start, Start.AddHours(1), cancellationToken));
    }

    [Fact]
    public async Task ReadLastAsync_ReturnsTheLatestEventByTimeAndTheHighestSequenceAmongEqualTimes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var userId = Guid.NewGuid();
        var events = AtMinutes(5, 9, 9, 2);
        await log.AppendAsync(userId, events, cancellationToken);

        Assert.Equal(events[2], await log.ReadLastAsync(userId, cancellationToken));
        Assert.Null(await log.ReadLastAsync(Guid.NewGuid(), cancellationToken));
    }

    private async Task WaitUntilAnInsertWaitsForTheLockAsync(CancellationToken cancellationToken)
    {
        const string waiting = """
            SELECT count(*) FROM pg_locks
            WHERE NOT granted
              AND relation IN (SELECT 'floyo_event_log'::regclass UNION SELECT inhrelid FROM pg_inherits WHERE inhparent = 'floyo_event_log'::regclass)
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Sql.QueryAsync(dataSource, waiting, r => r.GetInt64(0), cancellationToken))[0] == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The writer's COPY never waited for the table lock.");
            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>A new user whose appends go through the same commit lane as <paramref name="userId"/>'s.</summary>
    private static Guid InLaneOf(Guid userId) =>
        Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid()).First(id => GroupCommitWriter.LaneOf(id) == GroupCommitWriter.LaneOf(userId));

    /// <summary>Distinct, fully populated events with sequence numbers <paramref name="from"/>, from + 1, ….</summary>
    private static List<SequencedEvent> Events(Guid userId, long from, int count) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var sequence = from + i;
            var kind = (ActivityKind)(sequence % 5 + 1);
            return new SequencedEvent(sequence, new ActivityEvent(
                kind,
                $"src/{userId:N}/file{sequence}.cs",
                Start.AddSeconds(sequence),
                Project: sequence % 3 == 0 ? null : "floyo",
                Language: "C#",
                Editor: sequence % 2 == 0 ? "vim" : null,
                Branch: "main",
                PreviousEntity: kind == ActivityKind.Renamed ? $"src/old{sequence}.cs" : null,
                ClientEventId: $"{userId:N}-{sequence}",
                Details: sequence % 2 == 0 ? Details : null));
        })];

    /// <summary>Events with sequence numbers 1, 2, … at the given minutes after <see cref="Start"/>.</summary>
    private static List<SequencedEvent> AtMinutes(params int[] minutes) =>
        [.. minutes.Select((m, i) => new SequencedEvent(i + 1, new ActivityEvent(ActivityKind.Heartbeat, $"file{i + 1}.cs", Start.AddMinutes(m), Project: "floyo")))];

    private static readonly EventDetails Details = new()
    {
        Type = EntityType.Url, Category = "debugging", Plugin = "vscode-wakatime/24.0.0", OperatingSystem = "linux", Machine = "m1",
        IsWrite = true, Lines = 120, LineNumber = 7, CursorPosition = 3, LineAdditions = 2, LineDeletions = 1,
        AiLineChanges = -3, HumanLineChanges = 4, AiInputTokens = 100, AiOutputTokens = 50, AiSession = "s1", Extension = ".cs",
    };

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        new(value.Ticks - value.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
