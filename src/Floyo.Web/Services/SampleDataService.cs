using Floyo.Activity;
using Floyo.SampleData;

namespace Floyo.Web.Services;

/// <summary>
/// Loads a realistic 14-day sample (a generated persona with co-edited files, workflows, focus blocks and noise) into
/// a user's history through the live ingest path, so a new user can explore the dashboard at once. Idempotent: the
/// user records the load, and every event carries a client id, so a repeated (or concurrent) call stores nothing new.
/// </summary>
public sealed class SampleDataService(ActivityService activity, AccountService accounts, TimeProvider clock)
{
    public const int Days = 14;
    public const int EventsPerDay = 150;
    private const string LoadMarker = "sample-data:v1";
    private const int ChunkSize = 1000;

    public async Task<SampleDataResult> LoadAsync(Guid userId)
    {
        if (await accounts.HasImportedAsync(userId, LoadMarker))
        {
            return new SampleDataResult(0, 0, 0, AlreadyLoaded: true);
        }

        var options = new SampleDataOptions
        {
            Users = 1,
            Days = Days,
            EventsPerDay = EventsPerDay,
            Seed = SeedOf(userId),
            LastDay = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1),
        };
        var events = SampleGenerator.GenerateUser(options, 0).Events
            .Select((e, i) => e with { ClientEventId = $"{LoadMarker}:{i}" })
            .ToList();
        var (accepted, duplicates) = (0, 0);
        foreach (var chunk in events.Chunk(ChunkSize))
        {
            var results = await activity.IngestAsync(userId, chunk);
            accepted += results.Count(r => r.Outcome == IngestOutcome.Accepted);
            duplicates += results.Count(r => r.Outcome == IngestOutcome.Duplicate);
        }

        await accounts.RecordImportAsync(userId, LoadMarker);
        return new SampleDataResult(events.Count, accepted, duplicates, AlreadyLoaded: false);
    }

    /// <summary>A seed from the user id, so different users get different personas but each always the same one.</summary>
    private static int SeedOf(Guid userId) => BitConverter.ToInt32(userId.ToByteArray(), 0) & int.MaxValue;
}

/// <summary>What loading sample data did: events generated, stored, skipped as already stored, or nothing at all because
/// the sample was loaded before.</summary>
public sealed record SampleDataResult(int Events, int Accepted, int Duplicates, bool AlreadyLoaded);
