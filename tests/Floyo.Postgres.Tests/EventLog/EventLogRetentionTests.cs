using Floyo.Silo.EventLog;

namespace Floyo.Postgres.Tests.EventLog;

public sealed class EventLogRetentionTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly DateTimeOffset March = new(2025, 3, 10, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task DropMonthsBeforeAsync_DropsOnlyWholeMonthsBeforeTheCutoffAndTheLogGoesOn()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await PostgresLogDatabase.CreateAsync(postgres, cancellationToken);
        var log = database.NewLog();
        var (userId, old) = (Guid.NewGuid(), Guid.NewGuid());
        var events = SampleEvents.For(userId, 1, 3, March, TimeSpan.FromDays(31));
        var oldEvents = SampleEvents.For(old, 1, 1, March, TimeSpan.Zero);
        await log.AppendAsync(userId, events, cancellationToken);
        await log.AppendAsync(old, oldEvents, cancellationToken);

        var dropped = await new EventLogRetention(database.DataSource).DropMonthsBeforeAsync(new DateTimeOffset(2025, 5, 20, 0, 0, 0, TimeSpan.Zero), cancellationToken);

        Assert.Equal(["floyo_event_log_p202503", "floyo_event_log_p202504"], dropped);
        EventAssert.Equal(events[2..], await log.ReadAsync(userId, 0, 10, cancellationToken));
        EventAssert.Equal(events[2..], [(await log.ReadLastAsync(userId, cancellationToken))!]);
        Assert.Null(await log.ReadLastAsync(old, cancellationToken));
        Assert.Equal(1, (await log.ReadHeadAsync(old, 10, cancellationToken)).LastSequence);

        // Sequencing continues after the purge. This writer still took March for existing (it checks again hourly), so
        // its COPY into March's partition fails; it makes the month again and stores the late event there, not in the
        // default partition.
        var next = SampleEvents.For(old, 2, 1, March, TimeSpan.Zero);
        await log.AppendAsync(old, next, cancellationToken);
        EventAssert.Equal(next, await log.ReadAsync(old, 0, 10, cancellationToken));
        Assert.Equal(["floyo_event_log_p202503"], await PartitionsOfAsync(database, old, cancellationToken));
    }

    private static Task<List<string>> PartitionsOfAsync(PostgresLogDatabase database, Guid userId, CancellationToken cancellationToken) =>
        Sql.StringsAsync(
            database.DataSource,
            "SELECT DISTINCT tableoid::regclass::text FROM floyo_event_log WHERE user_key = (SELECT user_key FROM floyo_event_log_users WHERE user_id = $1)",
            cancellationToken,
            userId);

    [Fact]
    public async Task DeleteUserEventsBeforeAsync_DeletesThatUsersOlderEventsOnly()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await PostgresLogDatabase.CreateAsync(postgres, cancellationToken);
        var log = database.NewLog();
        var (userId, other) = (Guid.NewGuid(), Guid.NewGuid());
        var events = SampleEvents.For(userId, 1, 4, March, TimeSpan.FromDays(10));
        var otherEvents = SampleEvents.For(other, 1, 4, March, TimeSpan.FromDays(10));
        await log.AppendAsync(userId, events, cancellationToken);
        await log.AppendAsync(other, otherEvents, cancellationToken);
        var retention = new EventLogRetention(database.DataSource);

        Assert.Equal(2, await retention.DeleteUserEventsBeforeAsync(userId, March.AddDays(20), cancellationToken));
        Assert.Equal(2, await retention.DeleteUserEventsBeforeAsync(userId, March.AddDays(40), cancellationToken));
        Assert.Equal(0, await retention.DeleteUserEventsBeforeAsync(Guid.NewGuid(), March.AddDays(40), cancellationToken));

        Assert.Empty(await log.ReadAsync(userId, 0, 10, cancellationToken));
        Assert.Null(await log.ReadLastAsync(userId, cancellationToken));
        Assert.Equal(4, (await log.ReadHeadAsync(userId, 10, cancellationToken)).LastSequence);
        EventAssert.Equal(otherEvents, await log.ReadAsync(other, 0, 10, cancellationToken));
    }
}
