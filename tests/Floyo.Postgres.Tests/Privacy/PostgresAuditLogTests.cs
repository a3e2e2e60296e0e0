using Floyo.Postgres.Tests.EventLog;
using Floyo.Privacy;
using Floyo.Silo.Privacy;
using Npgsql;

namespace Floyo.Postgres.Tests.Privacy;

public sealed class PostgresAuditLogTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadAsync_PagesAUsersEntriesNewestFirstAndNoOneElses()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await PostgresLogDatabase.CreateAsync(postgres, cancellationToken);
        var log = new PostgresAuditLog(database.DataSource);
        var (userId, other) = (Guid.NewGuid(), Guid.NewGuid());
        await log.AppendAsync(userId, Noon, AuditAction.ConsentGranted, "2026-11-26", "127.0.0.1 · curl", cancellationToken);
        await log.AppendAsync(other, Noon, AuditAction.LoggedIn, null, null, cancellationToken);
        await log.AppendAsync(userId, Noon.AddMinutes(1), AuditAction.TrackingPaused, null, null, cancellationToken);
        await log.AppendAsync(userId, Noon.AddMinutes(2), AuditAction.DataExported, new string('x', 300), null, cancellationToken);

        var first = await log.ReadAsync(userId, null, 2, cancellationToken);
        var rest = await log.ReadAsync(userId, first[^1].Id, 2, cancellationToken);

        Assert.Equal([AuditAction.DataExported, AuditAction.TrackingPaused], first.Select(e => e.Action));
        Assert.Equal(AuditEntry.MaxTextLength, first[0].Detail!.Length);
        var consent = Assert.Single(rest);
        Assert.Equal(new AuditEntry(consent.Id, userId, Noon, AuditAction.ConsentGranted, "2026-11-26", "127.0.0.1 · curl"), consent);
    }

    [Theory]
    [InlineData("UPDATE floyo_audit_log SET detail = 'forged'")]
    [InlineData("DELETE FROM floyo_audit_log")]
    [InlineData("TRUNCATE floyo_audit_log")]
    public async Task Changes_OtherThanAppending_AreRefusedByTheDatabase(string sql)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await PostgresLogDatabase.CreateAsync(postgres, cancellationToken);
        var log = new PostgresAuditLog(database.DataSource);
        var userId = Guid.NewGuid();
        await log.AppendAsync(userId, Noon, AuditAction.ConsentGranted, "v1", null, cancellationToken);

        await using var command = database.DataSource.CreateCommand(sql);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(cancellationToken));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Equal("v1", Assert.Single(await log.ReadAsync(userId, null, 10, cancellationToken)).Detail);
    }

    [Fact]
    public async Task EraseUserAsync_RemovesThatUsersEntriesOnly()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await PostgresLogDatabase.CreateAsync(postgres, cancellationToken);
        var log = new PostgresAuditLog(database.DataSource);
        var (userId, other) = (Guid.NewGuid(), Guid.NewGuid());
        await log.AppendAsync(userId, Noon, AuditAction.ConsentGranted, null, null, cancellationToken);
        await log.AppendAsync(userId, Noon, AuditAction.AccountDeletionRequested, null, null, cancellationToken);
        await log.AppendAsync(other, Noon, AuditAction.ConsentGranted, null, null, cancellationToken);

        Assert.Equal(2, await log.EraseUserAsync(userId, cancellationToken));

        Assert.Empty(await log.ReadAsync(userId, null, 10, cancellationToken));
        Assert.Single(await log.ReadAsync(other, null, 10, cancellationToken));
    }
}
