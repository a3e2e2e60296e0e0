using Floyo.Activity;
using Floyo.Insights;
using Floyo.Live;
using Floyo.Onboarding;
using Floyo.Patterns.Detectors;
using Floyo.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Orleans.Streams.Core;
using Orleans.Utilities;

namespace Floyo.Patterns;

/// <summary>
/// Applies a user's activity stream to the live aggregates exactly once, in sequence order, and pushes each change to
/// observers. State is written at most every <see cref="FlushPeriod"/> (and on deactivation): whatever a crash loses is
/// replayed from the event log, because the checkpoint is saved together with the aggregates.
/// <para>
/// Catching up with the log takes at most <see cref="CatchUpBudget"/> events per turn (activation, call or stream
/// delivery), so a grain that meets a long unseen history (state lost or reset, a large import) still activates and
/// answers at once; a background timer replays the rest a budget at a time, and each flush saves the progress. Until it
/// is done, snapshots and patterns reflect the part replayed so far, and <see cref="GetDayTouchesAsync"/> completes the
/// day touches from the log itself, so rollups are never trusted on partial knowledge.
/// </para>
/// </summary>
[ImplicitStreamSubscription(FloyoNames.ActivityStreamNamespace)]
public sealed class PatternDetectorGrain(
    [PersistentState("patterns", FloyoNames.GrainStorage)] IPersistentState<PatternState> state,
    IEventLog eventLog,
    TimeProvider clock,
    IOptions<PatternOptions> options,
    ILogger<PatternDetectorGrain> logger)
    : Grain, IPatternDetectorGrain, IStreamSubscriptionObserver, IAsyncObserver<ActivityBatch>
{
    /// <summary>
    /// How often changed state is written. The detectors' state is ~200 KiB of JSON for an active user, so every 2 s
    /// would be ~100 KiB/s per user; a crash loses at most this much, replayed from the log in well under a second.
    /// </summary>
    public static readonly TimeSpan FlushPeriod = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(5);
    private const int CatchUpPageSize = 1000;

    /// <summary>The most events one turn applies from the log (~0.1–0.3 s of work).</summary>
    public const int CatchUpBudget = 20_000;

    /// <summary>
    /// After this many events applied (an import, a backfill, weeks of live work) the day rollups are brought up to date
    /// in the background, so the first dashboard after a large import does not compute a year of them.
    /// </summary>
    public const int WarmRollupsAfter = 50_000;

    private static readonly TimeSpan BackfillPeriod = TimeSpan.FromMilliseconds(20);

    private readonly ObserverManager<IActivityObserver> observers = new(ObserverExpiry, logger);
    private ActivityAggregates aggregates = null!;
    private InsightsPublisher insights = null!;
    private IGrainTimer? trailingInsights;
    private IGrainTimer? backfill;
    private bool behind;
    private bool dirty;
    private long appliedSinceWarm;

    private Guid UserId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        aggregates = new ActivityAggregates(state.State, options.Value, await UserDaysAsync());
        insights = new InsightsPublisher(
            () => InsightGenerator.Generate(CurrentReport()),
            generated => GrainFactory.GetGrain<IInsightsGrain>(UserId).ApplyGeneratedAsync(generated),
            clock);
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(FlushPeriod, FlushPeriod));

        // What the catch-up applied must be written too, or the saved checkpoint never advances past it.
        Publish(await CatchUpAsync(long.MaxValue, cancellationToken));
    }

    /// <summary>One budget of the backlog per tick; the timer goes once the grain has caught up.</summary>
    private async Task BackfillAsync(CancellationToken cancellationToken)
    {
        Publish(await CatchUpAsync(long.MaxValue, cancellationToken));
        if (!behind)
        {
            backfill?.Dispose();
            backfill = null;
            await PushInsightsAsync();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
    }

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<ActivityBatch>().ResumeAsync(this);

    public async Task OnNextAsync(ActivityBatch item, StreamSequenceToken? token = null)
    {
        if (item.Events.Count == 0 || item.Events[^1].Sequence <= aggregates.Checkpoint)
        {
            return;
        }

        var before = aggregates.Checkpoint;
        var changes = new AppliedChanges();
        if (item.Events[0].Sequence > before + 1)
        {
            changes = await CatchUpAsync(item.Events[0].Sequence - 1, CancellationToken.None);
            if (behind)
            {
                // These events are in the log too: the backfill applies them in order.
                Publish(changes);
                return;
            }
        }

        Merge(changes, aggregates.Apply(item.Events));
        Publish(changes);
        await PushInsightsAsync();
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        logger.LogWarning(ex, "Activity stream of user {UserId} reported an error", UserId);
        return Task.CompletedTask;
    }

    public async Task<ActivitySnapshot> GetSnapshotAsync()
    {
        var changes = await CatchUpAsync(long.MaxValue, CancellationToken.None);
        Publish(changes);
        return aggregates.ToSnapshot(UserId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    public async Task<Reports.DayTouches> GetDayTouchesAsync()
    {
        Publish(await CatchUpAsync(long.MaxValue, CancellationToken.None));
        var touches = aggregates.ToDayTouches();
        if (!behind)
        {
            return touches;
        }

        var days = new Dictionary<DateOnly, long>(touches.LastSequenceByUtcDay);
        var checkpoint = touches.Checkpoint;
        foreach (var (day, sequence) in await eventLog.ReadDayTouchesAsync(UserId, touches.Checkpoint))
        {
            days[day] = Math.Max(days.GetValueOrDefault(day), sequence);
            checkpoint = Math.Max(checkpoint, sequence);
        }

        return new Reports.DayTouches(checkpoint, days);
    }

    public async Task<PatternReport> GetPatternsAsync()
    {
        var changes = await CatchUpAsync(long.MaxValue, CancellationToken.None);
        Publish(changes);
        return CurrentReport();
    }

    public Task SubscribeAsync(IActivityObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IActivityObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>Account deletion: the state row goes and nothing is written back on deactivation.</summary>
    public async Task EraseUserDataAsync()
    {
        dirty = false;
        observers.Clear();
        await state.ClearStateAsync();
        aggregates = new ActivityAggregates(state.State, options.Value, LocalDays.Utc);
        DeactivateOnIdle();
    }

    /// <summary>Retention: recent files older than the cutoff go (today's counts are never older than a day).</summary>
    public async Task PurgeBeforeAsync(DateTimeOffset cutoff)
    {
        if (state.State.RecentFiles.RemoveAll(f => f.Timestamp < cutoff) > 0)
        {
            dirty = true;
            await FlushAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// The user's days for the pattern detectors, in the time zone of their settings as of this activation (UTC when
    /// the zone is unknown). A later change of zone applies from the next activation on.
    /// </summary>
    private async Task<LocalDays> UserDaysAsync()
    {
        var settings = await GrainFactory.GetGrain<IUserGrain>(UserId).GetSettingsAsync();
        return TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone, out var zone) ? new LocalDays(zone) : LocalDays.Utc;
    }

    /// <summary>
    /// Reads and applies logged events after the checkpoint, up to <paramref name="upTo"/> and at most
    /// <see cref="CatchUpBudget"/> of them; when the budget runs out first, the grain is behind and the
    /// backfill timer takes over.
    /// </summary>
    private async Task<AppliedChanges> CatchUpAsync(long upTo, CancellationToken cancellationToken)
    {
        var total = new AppliedChanges();
        behind = false;
        while (aggregates.Checkpoint < upTo)
        {
            if (total.Applied >= CatchUpBudget)
            {
                behind = true;
                backfill ??= this.RegisterGrainTimer(BackfillAsync, new GrainTimerCreationOptions(BackfillPeriod, BackfillPeriod));
                break;
            }

            var page = await eventLog.ReadAsync(UserId, aggregates.Checkpoint, CatchUpPageSize, cancellationToken);
            if (page.Count > 0)
            {
                // The log refuses gaps on append, so one here means retention purged those events.
                aggregates.SkipPurged(page[0].Sequence);
            }

            var wanted = page.Where(e => e.Sequence <= upTo).ToList();
            Merge(total, aggregates.Apply(wanted));
            if (page.Count < CatchUpPageSize || wanted.Count < page.Count)
            {
                break;
            }
        }

        if (total.Applied > 0)
        {
            FloyoMetrics.EventsBackfilled.Add(total.Applied);
            logger.LogInformation("User {UserId}: back-filled {Count} events from the log", UserId, total.Applied);
        }

        return total;
    }

    /// <summary>The pattern report as of the checkpoint.</summary>
    private PatternReport CurrentReport() => aggregates.ToPatternReport(UserId);

    /// <summary>
    /// Sends changed insights now or, when sends come too fast, once more after the publisher's interval. Insights are
    /// derived data: a failure here is logged and never fails the delivery of the events themselves.
    /// </summary>
    private async Task PushInsightsAsync()
    {
        try
        {
            await insights.OnAppliedAsync();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "User {UserId}: generating insights failed", UserId);
            return;
        }

        if (insights.Pending && trailingInsights is null)
        {
            trailingInsights = this.RegisterGrainTimer(
                async _ =>
                {
                    trailingInsights?.Dispose();
                    trailingInsights = null;
                    await insights.FlushAsync();
                },
                new GrainTimerCreationOptions(insights.Delay, Timeout.InfiniteTimeSpan));
        }
    }

    private void Publish(AppliedChanges changes)
    {
        if (changes.Applied == 0)
        {
            return;
        }

        dirty = true;
        appliedSinceWarm += changes.Applied;
        if (appliedSinceWarm >= WarmRollupsAfter)
        {
            appliedSinceWarm = 0;
            GrainFactory.GetGrain<Reports.ITimeReportGrain>(UserId).WarmRollupsAsync().Ignore();
        }

        if (state.State.TotalEvents == changes.Applied)
        {
            // The user's very first events: an activation milestone (one-way, idempotent on the other side).
            GrainFactory.GetGrain<IOnboardingGrain>(UserId).RecordMilestoneAsync(ActivationMilestone.FirstEvent).Ignore();
        }

        if (observers.Count > 0)
        {
            var update = aggregates.ToUpdate(UserId, changes);
            observers.Notify(o => o.OnActivityChangedAsync(update));
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!dirty)
        {
            return;
        }

        dirty = false;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            dirty = true;
            throw;
        }
    }

    private static void Merge(AppliedChanges into, AppliedChanges from)
    {
        into.Applied += from.Applied;
        into.DayStarted |= from.DayStarted;
        into.Kinds.UnionWith(from.Kinds);
        into.Extensions.UnionWith(from.Extensions);
        into.Projects.UnionWith(from.Projects);
    }
}
