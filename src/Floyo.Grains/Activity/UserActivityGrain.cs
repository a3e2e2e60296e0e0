using Floyo.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace Floyo.Activity;

/// <summary>
/// Sequences a user's events. The log is the source of truth for the last sequence number, so the grain keeps no
/// state of its own: on activation it reads the log's head. A second activation racing on the same user cannot
/// corrupt the log because the log refuses a sequence number twice.
/// </summary>
public sealed class UserActivityGrain(
    IEventLog eventLog,
    TimeProvider clock,
    IOptions<IngestOptions> options,
    ILogger<UserActivityGrain> logger) : Grain, IUserActivityGrain
{
    private readonly RecentClientIds recentIds = new();
    private long lastSequence;
    private bool headUnknown;
    private IAsyncStream<ActivityBatch>? stream;
    private PrivacyStatus privacy = PrivacyStatus.None;

    private Guid UserId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await ReadHeadAsync(cancellationToken);
        privacy = await GrainFactory.GetGrain<IUserGrain>(UserId).GetPrivacyAsync();
        stream = this.GetStreamProvider(FloyoNames.StreamProvider)
            .GetStream<ActivityBatch>(StreamId.Create(FloyoNames.ActivityStreamNamespace, UserId));
    }

    /// <summary>The sequencer keeps nothing persisted; it refuses collection until it deactivates.</summary>
    public Task EraseUserDataAsync()
    {
        privacy = PrivacyStatus.None;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <summary>Only client event ids are cached here, and the log's head stays; nothing to purge.</summary>
    public Task PurgeBeforeAsync(DateTimeOffset cutoff) => Task.CompletedTask;

    public Task<long> GetLastSequenceAsync() => Task.FromResult(lastSequence);

    public Task ApplyPrivacyAsync(PrivacyStatus status)
    {
        privacy = status;
        return Task.CompletedTask;
    }

    public Task<IngestReceipt> IngestAsync(IReadOnlyList<ActivityEvent> events) =>
        StoreAsync(events, options.Value.MaxEventAge);

    public Task<IngestReceipt> ImportAsync(IReadOnlyList<ActivityEvent> events) =>
        StoreAsync(events, clock.GetUtcNow() - ActivityEventRules.OldestImport);

    private async Task<IngestReceipt> StoreAsync(IReadOnlyList<ActivityEvent> events, TimeSpan maxAge)
    {
        if (!privacy.CollectionAllowed)
        {
            throw privacy.Consented ? CollectionRefusedException.Paused() : CollectionRefusedException.NoConsent();
        }

        if (headUnknown)
        {
            await ReadHeadAsync(CancellationToken.None);
        }

        var plan = IngestPlan.Create(events, lastSequence, recentIds, clock.GetUtcNow(), maxAge);
        if (plan.ToStore.Count == 0)
        {
            CountOutcomes(plan.Results);
            return plan.Results;
        }

        try
        {
            await eventLog.AppendAsync(UserId, plan.ToStore);
        }
        catch
        {
            // The log may have moved on without this activation (a racing activation, or a commit whose answer was
            // lost): sequencing again from the cached head would collide forever, so the next batch re-reads it.
            headUnknown = true;
            throw;
        }

        lastSequence = plan.ToStore[^1].Sequence;
        foreach (var stored in plan.ToStore)
        {
            if (stored.Event.ClientEventId is { } clientId)
            {
                recentIds.Add(clientId, stored.Sequence);
            }
        }

        CountOutcomes(plan.Results);
        await PublishAsync(plan.ToStore);
        return plan.Results;
    }

    private async Task ReadHeadAsync(CancellationToken cancellationToken)
    {
        var head = await eventLog.ReadHeadAsync(UserId, RecentClientIds.Capacity, cancellationToken);
        lastSequence = head.LastSequence;
        foreach (var (clientId, sequence) in head.RecentClientIds)
        {
            recentIds.Add(clientId, sequence);
        }

        headUnknown = false;
    }

    private static void CountOutcomes(IngestReceipt results)
    {
        Span<int> counts = stackalloc int[OutcomeTags.Length];
        counts[(int)IngestOutcome.Accepted] = results.Accepted;
        foreach (var other in results.Others)
        {
            counts[(int)other.Outcome]++;
        }

        for (var outcome = 0; outcome < counts.Length; outcome++)
        {
            if (counts[outcome] > 0)
            {
                FloyoMetrics.EventsIngested.Add(counts[outcome], OutcomeTags[outcome]);
            }
        }
    }

    /// <summary>The metric tag of each <see cref="IngestOutcome"/>, indexed by its value.</summary>
    private static readonly KeyValuePair<string, object?>[] OutcomeTags = OutcomeTagsByValue();

    private static KeyValuePair<string, object?>[] OutcomeTagsByValue()
    {
        var outcomes = Enum.GetValues<IngestOutcome>();
        var tags = new KeyValuePair<string, object?>[(int)outcomes.Max() + 1];
        foreach (var outcome in outcomes)
        {
            tags[(int)outcome] = new("outcome", outcome.ToString().ToLowerInvariant());
        }

        return tags;
    }

    private async Task PublishAsync(IReadOnlyList<SequencedEvent> stored)
    {
        try
        {
            await stream!.OnNextAsync(new ActivityBatch(UserId, stored));
        }
        catch (Exception ex)
        {
            // The events are durable; consumers heal the gap from the log on their next batch or snapshot.
            logger.LogWarning(ex, "Publishing events {First}..{Last} of user {UserId} failed", stored[0].Sequence, stored[^1].Sequence, UserId);
        }
    }
}
