namespace Floyo.Postgres.Tests.EventLog;

public sealed class GroupCommitWriterTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AppendAsync_WhenOneUsersAppendsFollowEachOtherUnawaited_StoresBothInOrder()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await PostgresLogDatabase.CreateAsync(postgres, cancellationToken);
        var log = database.NewLog();
        var userId = Guid.NewGuid();
        var events = SampleEvents.For(userId, 1, 6, Start, TimeSpan.FromMinutes(1));

        // Queued together, so they may share a commit (one run of the user) or not; the result is the same.
        await Task.WhenAll(
            log.AppendAsync(userId, events[..2], cancellationToken),
            log.AppendAsync(userId, events[2..5], cancellationToken),
            log.AppendAsync(userId, events[5..], cancellationToken));

        EventAssert.Equal(events, await log.ReadAsync(userId, 0, 10, cancellationToken));
        Assert.Equal(6, (await log.ReadHeadAsync(userId, 0, cancellationToken)).LastSequence);
    }
}
