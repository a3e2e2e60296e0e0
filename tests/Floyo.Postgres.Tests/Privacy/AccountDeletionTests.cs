using Floyo.Accounts;
using Floyo.Activity;
using Floyo.Patterns;
using Floyo.Privacy;
using Floyo.Reports;
using Floyo.Users;
using Npgsql;

namespace Floyo.Postgres.Tests.Privacy;

/// <summary>
/// Account deletion on a real cluster on Postgres: a user with data in every store is deleted, then every column of
/// every table is searched for any trace of them (see <see cref="DatabaseScan"/>).
/// </summary>
public sealed class AccountDeletionTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task DeleteAccountAsync_LeavesNoTraceOfTheUserInAnyTableAndKeepsOtherUsers()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var silo = await SiloHost.StartAsync(connectionString, "deletion-" + Guid.NewGuid().ToString("N")[..8], cancellationToken);
        var doomed = await CreateUserWithDataEverywhereAsync(silo.Grains, "Ada Doomed");
        var kept = await CreateUserWithDataEverywhereAsync(silo.Grains, "Grace Kept");

        // Deactivation writes the pattern grains' aggregates, so every store holds the users before the deletion.
        await silo.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, cancellationToken);
        var before = await DatabaseScan.FindAsync(dataSource, doomed.UserId, doomed.Terms, cancellationToken);
        Assert.Superset(
            new HashSet<string>
            {
                "floyo_audit_log.user_id", "floyo_audit_log.detail", "floyo_day_rollups.user_id", "floyo_span_rollups.user_id", "floyo_event_log_users.user_id", "floyo_event_log_strings.value",
                "orleans_storage.grain_id_n0", "orleans_storage.grain_id_n1", "orleans_storage.payload", "orleans_reminders.grain_id",
                "orleans_storage.grain_id_extension", "floyo_email_outbox.user_id", "floyo_email_outbox.recipient",
            },
            before.ToHashSet());

        var deletion = await silo.Grains.GetGrain<IPrivacyCenterGrain>(doomed.UserId).DeleteAccountAsync();

        Assert.Empty(await DatabaseScan.FindAsync(dataSource, doomed.UserId, doomed.Terms, cancellationToken));
        Assert.Equal(before.Order(), (await DatabaseScan.FindAsync(dataSource, kept.UserId, kept.Terms, cancellationToken)).Order());
        Assert.Equal(
            [deletion.Receipt.ToString("D")],
            await Sql.StringsAsync(dataSource, "SELECT receipt::text FROM floyo_account_deletions", cancellationToken));
        Assert.Null(await silo.Grains.GetGrain<IApiKeyDirectoryGrain>(ApiKeyFormat.Hash(doomed.Key)).ResolveAsync());
        Assert.Null(await silo.Grains.GetGrain<IUserGrain>(doomed.UserId).GetProfileAsync());
        Assert.Null(await silo.Grains.GetGrain<IUserAccountGrain>(doomed.UserId).GetAsync());
        Assert.Null(await silo.Grains.GetGrain<IEmailIndexGrain>(EmailAddress.Normalize(doomed.Email)).ResolveAsync());
        Assert.Equal(kept.UserId, await silo.Grains.GetGrain<IEmailIndexGrain>(EmailAddress.Normalize(kept.Email)).ResolveAsync());
        Assert.Equal(kept.UserId, await silo.Grains.GetGrain<IApiKeyDirectoryGrain>(ApiKeyFormat.Hash(kept.Key)).ResolveAsync());
        await Assert.ThrowsAsync<CollectionRefusedException>(() =>
            silo.Grains.GetGrain<IUserActivityGrain>(doomed.UserId).IngestAsync([new ActivityEvent(ActivityKind.Modified, "after.cs", DateTimeOffset.UtcNow)]));
    }

    /// <summary>
    /// An account (email index, credentials, a queued verification email), profile, two keys (one revoked), consent, a
    /// pause, events, aggregates, a retention reminder and audit entries.
    /// </summary>
    private static async Task<UserTraces> CreateUserWithDataEverywhereAsync(IGrainFactory grains, string name)
    {
        var userId = Guid.NewGuid();
        var project = "project-" + Guid.NewGuid().ToString("N")[..10];
        var entity = $"src/{project}/secret-plan.cs";
        var email = $"{project}@Example.com";
        Assert.True(await grains.GetGrain<IEmailIndexGrain>(EmailAddress.Normalize(email)).ClaimAsync(userId));
        Assert.True(await grains.GetGrain<IUserAccountGrain>(userId).RegisterAsync(new AccountRegistration(email, name, "correct horse battery staple")));
        var user = grains.GetGrain<IUserGrain>(userId);
        var key = await user.CreateApiKeyAsync("laptop");
        var revoked = await user.CreateApiKeyAsync("old laptop");
        await user.RevokeApiKeyAsync(revoked.Info.KeyId);
        await user.GrantConsentAsync(PrivacyPolicy.CurrentVersion);
        await user.SetTrackingPausedAsync(true);
        await user.SetTrackingPausedAsync(false);
        var now = DateTimeOffset.UtcNow;
        await grains.GetGrain<IUserActivityGrain>(userId).IngestAsync(
        [
            new ActivityEvent(ActivityKind.Created, entity, now.AddMinutes(-3), project, "C#", "vscode", "feature/" + project, ClientEventId: "c-" + project),
            new ActivityEvent(ActivityKind.Modified, entity, now.AddMinutes(-2), project, Details: new EventDetails { Machine = "host-" + project }),
        ]);
        await grains.GetGrain<IUserActivityGrain>(userId).ImportAsync(
            [new ActivityEvent(ActivityKind.Modified, entity, now.AddDays(-3), project), new ActivityEvent(ActivityKind.Modified, entity, now.AddDays(-3).AddMinutes(1), project)]);
        await grains.GetGrain<IPatternDetectorGrain>(userId).GetSnapshotAsync();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await grains.GetGrain<ITimeReportGrain>(userId).GetReportAsync(new ReportQuery(today.AddDays(-6), today));
        await grains.GetGrain<ITimeReportGrain>(userId).GetStatsAsync(new StatsQuery(today.AddDays(-6), today));
        await grains.GetGrain<IRetentionGrain>(userId).SetAsync(RetentionPeriod.Days365);
        return new UserTraces(
            userId, key.Key, email,
            [name, project, entity, key.Info.Hint, revoked.Info.Hint, ApiKeyFormat.Hash(key.Key), ApiKeyFormat.Hash(revoked.Key), EmailAddress.Normalize(email)]);
    }

    private sealed record UserTraces(Guid UserId, string Key, string Email, IReadOnlyList<string> Terms);
}
