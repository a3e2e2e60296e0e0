using Floyo.Activity;

namespace Floyo.Postgres.Tests.EventLog;

/// <summary>Several logs (silos) on one database: user keys and string ids are shared through the tables, never clash.</summary>
public sealed class EventLogSilosTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AppendAsync_WhenAUserMovesBetweenSilos_EachReadsAndInternsTheOthersStrings()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await PostgresLogDatabase.CreateAsync(postgres, cancellationToken);
        var (a, b) = (database.NewLog(), database.NewLog());
        var userId = Guid.NewGuid();
        var events = Enumerable.Range(1, 5)
            .Select(i => new SequencedEvent(i, new ActivityEvent(ActivityKind.Modified, $"file{(i == 5 ? 1 : i)}.cs", Start.AddMinutes(i), Project: $"p{i % 2}")))
            .ToList();

        // a caches strings 1..3; b adds more behind its back; a must load them before numbering its own.
        await a.AppendAsync(userId, events[..1], cancellationToken);
        await b.AppendAsync(userId, events[1..3], cancellationToken);
        await a.AppendAsync(userId, events[3..5], cancellationToken);

        EventAssert.Equal(events, await a.ReadAsync(userId, 0, 10, cancellationToken));
        EventAssert.Equal(events, await b.ReadAsync(userId, 0, 10, cancellationToken));
        Assert.Equal(
            ["1:p1", "2:file1.cs", "3:[1,null,null,null,0,null,null,null]", "4:p0", "5:file2.cs", "6:[4,null,null,null,0,null,null,null]", "7:file3.cs", "8:file4.cs"],
            await Sql.StringsAsync(database.DataSource, "SELECT id || ':' || value FROM floyo_event_log_strings ORDER BY id", cancellationToken));
    }

    [Fact]
    public async Task AppendAsync_WhenSilosAppendForTheSameNewUsersAtOnce_OneAppendPerSequenceWinsAndKeysAreShared()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await PostgresLogDatabase.CreateAsync(postgres, cancellationToken);
        var logs = Enumerable.Range(0, 4).Select(_ => database.NewLog()).ToList();
        var userIds = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToList();

        // Every silo tries to store sequence 1 of every user, with its own entity: exactly one wins per user.
        var attempts = logs.SelectMany((log, silo) => userIds.Select(userId => log.AppendAsync(
            userId, [new SequencedEvent(1, new ActivityEvent(ActivityKind.Created, $"silo{silo}.cs", Start))], cancellationToken))).ToList();
        var outcomes = await Task.WhenAll(attempts.Select(async t =>
        {
            try
            {
                await t;
                return true;
            }
            catch (EventLogUnavailableException)
            {
                return false;
            }
        }));

        Assert.Equal(userIds.Count, outcomes.Count(won => won));
        Assert.Equal([(userIds.Count, userIds.Count)], await Sql.QueryAsync(
            database.DataSource,
            "SELECT (SELECT count(*) FROM floyo_event_log), (SELECT count(*) FROM floyo_event_log_users)",
            r => (r.GetInt64(0), r.GetInt64(1)),
            cancellationToken));
        foreach (var userId in userIds)
        {
            var stored = Assert.Single(await logs[0].ReadAsync(userId, 0, 10, cancellationToken));
            Assert.Equal(stored, Assert.Single(await logs[3].ReadAsync(userId, 0, 10, cancellationToken)));
        }
    }
}
