using System.Globalization;
using Floyo.Activity;
using Microsoft.Extensions.Options;

namespace Floyo.Privacy;

public sealed class RetentionGrain(
    [PersistentState("retention", FloyoNames.GrainStorage)] IPersistentState<RetentionState> state,
    IEventLog eventLog,
    IAuditLog auditLog,
    IEnumerable<IUserDataStore> stores,
    IOptions<RetentionOptions> options,
    TimeProvider clock) : Grain, IRetentionGrain, IRemindable
{
    public const string ReminderName = "retention";

    private Guid UserId => this.GetPrimaryKey();

    public Task<RetentionStatus> GetAsync() => Task.FromResult(Status());

    public async Task<RetentionStatus> SetAsync(RetentionPeriod period)
    {
        if (!Enum.IsDefined(period))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "Retention is 30, 90 or 365 days, or keep.");
        }

        if (period == state.State.Period)
        {
            return Status();
        }

        state.State.Period = period;
        await state.WriteStateAsync();
        await auditLog.AppendAsync(UserId, clock.GetUtcNow(), AuditAction.RetentionChanged, Describe(period), AuditOrigin.Current);
        if (period == RetentionPeriod.Keep)
        {
            await UnscheduleAsync();
            return Status();
        }

        var every = options.Value.Period;
        await this.RegisterOrUpdateReminder(ReminderName, every, every);
        return await ApplyAsync();
    }

    public async Task<RetentionStatus> ApplyAsync()
    {
        var now = clock.GetUtcNow();
        if (Status().CutoffAt(now) is not { } cutoff)
        {
            return Status();
        }

        var purged = await eventLog.PurgeBeforeAsync(UserId, cutoff);
        foreach (var store in stores)
        {
            await store.PurgeBeforeAsync(UserId, cutoff);
        }

        foreach (var holder in UserDataGrains.For(GrainFactory, UserId).Where(g => g.GetGrainId() != this.GetGrainId()))
        {
            await holder.PurgeBeforeAsync(cutoff);
        }

        state.State.LastRunAt = now;
        state.State.LastPurgedEvents = purged;
        await state.WriteStateAsync();
        if (purged > 0)
        {
            var detail = string.Create(CultureInfo.InvariantCulture, $"{purged} events before {cutoff:yyyy-MM-dd HH:mm} UTC");
            await auditLog.AppendAsync(UserId, now, AuditAction.EventsPurged, detail, AuditOrigin.Current ?? AuditOrigin.Scheduled);
        }

        return Status();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        AuditOrigin.Set(AuditOrigin.Scheduled);
        return ApplyAsync();
    }

    public async Task EraseUserDataAsync()
    {
        await UnscheduleAsync();
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    /// <summary>The setting holds no activity data.</summary>
    public Task PurgeBeforeAsync(DateTimeOffset cutoff) => Task.CompletedTask;

    private async Task UnscheduleAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private RetentionStatus Status() => new(state.State.Period, state.State.LastRunAt, state.State.LastPurgedEvents);

    private static string Describe(RetentionPeriod period) =>
        period == RetentionPeriod.Keep ? "keep" : string.Create(CultureInfo.InvariantCulture, $"{(int)period} days");
}
