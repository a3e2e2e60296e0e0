using Floyo.Activity;
using Floyo.Patterns;
using Floyo.Privacy;
using Floyo.Users;
using Npgsql;

namespace Floyo.Postgres.Tests.Privacy;

public sealed class RetentionTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task SetAsync_PurgesOlderEventsAndRollupsAtOnceSchedulesTheReminderAndAuditsBoth()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var silo = await SiloHost.StartAsync(connectionString, "retention-" + Guid.NewGuid().ToString("N")[..8], cancellationToken);
        var (userId, other) = (Guid.NewGuid(), Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        DateTimeOffset[] ages = [now.AddDays(-400), now.AddDays(-100), now.AddDays(-40), now.AddMinutes(-5)];
        foreach (var id in new[] { userId, other })
        {
            var user = silo.Grains.GetGrain<IUserGrain>(id);
            await user.EnsureCreatedAsync("Retention test");
            await user.GrantConsentAsync(PrivacyPolicy.CurrentVersion);
            await silo.Grains.GetGrain<IUserActivityGrain>(id).ImportAsync([.. ages.Select((at, i) => new ActivityEvent(ActivityKind.Modified, $"f{i}.cs", at))]);
        }

        var patterns = silo.Grains.GetGrain<IPatternDetectorGrain>(userId);
        Assert.Equal(4, (await patterns.GetSnapshotAsync()).RecentFiles.Count);
        var retention = silo.Grains.GetGrain<IRetentionGrain>(userId);

        var ninety = await retention.SetAsync(RetentionPeriod.Days90);
        var remindersAt90 = await RemindersAsync(dataSource, cancellationToken);
        var thirty = await retention.SetAsync(RetentionPeriod.Days30);
        var kept = await retention.SetAsync(RetentionPeriod.Keep);

        Assert.Equal((RetentionPeriod.Days90, 2L), (ninety.Period, ninety.LastPurgedEvents));
        Assert.Equal((RetentionPeriod.Days30, 1L), (thirty.Period, thirty.LastPurgedEvents));
        Assert.Equal(RetentionPeriod.Keep, kept.Period);
        Assert.Equal(["f3.cs"], (await silo.Grains.GetGrain<IPrivacyCenterGrain>(userId).ReadEventsAsync(0, 10)).Select(e => e.Event.Entity));
        Assert.Equal(4L, await silo.Grains.GetGrain<IUserActivityGrain>(userId).GetLastSequenceAsync());
        Assert.Equal(["f3.cs"], (await patterns.GetSnapshotAsync()).RecentFiles.Select(f => f.Entity));
        Assert.Equal(4, (await silo.Grains.GetGrain<IPrivacyCenterGrain>(other).ReadEventsAsync(0, 10)).Count);
        Assert.Equal([$"retention/{userId:N} {RetentionGrain.ReminderName} 1440"], remindersAt90);
        Assert.Empty(await RemindersAsync(dataSource, cancellationToken));
        var audit = await silo.Grains.GetGrain<IAuditGrain>(userId).ReadAsync(null, 10);
        Assert.Equal(
            [AuditAction.RetentionChanged, AuditAction.EventsPurged, AuditAction.RetentionChanged, AuditAction.EventsPurged, AuditAction.RetentionChanged, AuditAction.ConsentGranted],
            audit.Entries.Select(e => e.Action));
        Assert.Equal(["keep", "30 days", "90 days"], audit.Entries.Where(e => e.Action == AuditAction.RetentionChanged).Select(e => e.Detail));
    }

    /// <summary>"grain-id reminder-name period-in-minutes" of every stored reminder.</summary>
    private static Task<List<string>> RemindersAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        Sql.StringsAsync(dataSource, "SELECT grain_id || ' ' || reminder_name || ' ' || (period / 60000) FROM orleans_reminders", cancellationToken);
}
