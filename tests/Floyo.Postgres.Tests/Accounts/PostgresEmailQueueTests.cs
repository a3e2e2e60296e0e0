using Floyo.Email;
using Floyo.Silo.Email;
using Floyo.Silo.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Floyo.Postgres.Tests.Accounts;

/// <summary>The durable outbox on a real Postgres: claiming, leases, retries, delivery records, and senders kept apart.</summary>
public sealed class PostgresEmailQueueTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static OutgoingEmail Email(string to) => new(to, "Subject " + to, "<p>html</p>", "text", "test", Guid.NewGuid());

    private async Task<(NpgsqlDataSource Database, PostgresEmailQueue Queue)> NewQueueAsync()
    {
        var database = NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync());
        await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(Cancel);
        return (database, new PostgresEmailQueue(database, new OutboxSignal()));
    }

    [Fact]
    public async Task Claim_TakesDueMailOnceUntilItsLeaseEnds()
    {
        var (database, queue) = await NewQueueAsync();
        await using var _ = database;
        var email = Email("a@example.com");
        await queue.EnqueueAsync(email, Cancel);

        var first = await queue.ClaimDueAsync(10, TimeSpan.FromMinutes(5), Cancel);
        var whileLeased = await queue.ClaimDueAsync(10, TimeSpan.FromMinutes(5), Cancel);

        var claimed = Assert.Single(first);
        Assert.Equal(email, claimed.Email);
        Assert.Equal(1, claimed.Attempts);
        Assert.Empty(whileLeased);
    }

    [Fact]
    public async Task MarkFailed_WithARetryTime_ComesBackThenAndCountsAttempts()
    {
        var (database, queue) = await NewQueueAsync();
        await using var _ = database;
        await queue.EnqueueAsync(Email("b@example.com"), Cancel);
        var claimed = Assert.Single(await queue.ClaimDueAsync(10, TimeSpan.FromMinutes(5), Cancel));

        await queue.MarkFailedAsync(claimed.Id, "451 try later", DateTimeOffset.UtcNow.AddSeconds(-1), Cancel);
        var again = Assert.Single(await queue.ClaimDueAsync(10, TimeSpan.FromMinutes(5), Cancel));
        await queue.MarkFailedAsync(again.Id, "550 no such user", null, Cancel);
        var afterGivingUp = await queue.ClaimDueAsync(10, TimeSpan.FromMinutes(5), Cancel);

        Assert.Equal(2, again.Attempts);
        Assert.Empty(afterGivingUp);
        var row = Assert.Single(await Sql.QueryAsync(database, "SELECT status, attempts, last_error FROM floyo_email_outbox", r => (r.GetString(0), r.GetInt32(1), r.GetString(2)), Cancel));
        Assert.Equal(("failed", 2, "550 no such user"), row);
    }

    [Fact]
    public async Task MarkSent_KeepsADeliveryRecordWithoutTheBodies()
    {
        var (database, queue) = await NewQueueAsync();
        await using var _ = database;
        var email = Email("c@example.com");
        await queue.EnqueueAsync(email, Cancel);
        var claimed = Assert.Single(await queue.ClaimDueAsync(10, TimeSpan.FromMinutes(5), Cancel));

        await queue.MarkSentAsync(claimed.Id, Cancel);

        var row = Assert.Single(await Sql.QueryAsync(
            database, "SELECT status, recipient, html_body, text_body, user_id, sent_at IS NOT NULL FROM floyo_email_outbox",
            r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetGuid(4), r.GetBoolean(5)), Cancel));
        Assert.Equal(("sent", "c@example.com", "", "", email.UserId!.Value, true), row);
    }

    [Fact]
    public async Task Claim_FromTwoSendersAtOnce_GivesEachMessageToOneOfThem()
    {
        var (database, queue) = await NewQueueAsync();
        await using var _ = database;
        var other = new PostgresEmailQueue(database, new OutboxSignal());
        for (var i = 0; i < 40; i++)
        {
            await queue.EnqueueAsync(Email($"m{i}@example.com"), Cancel);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? queue : other).ClaimDueAsync(7, TimeSpan.FromMinutes(5), Cancel)));

        var ids = claims.SelectMany(c => c.Select(m => m.Id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(40, ids.Count);
    }
}
