using System.Threading.Channels;
using Floyo.Activity;
using Floyo.Silo.EventLog.Storage;

namespace Floyo.Silo.EventLog;

/// <summary>
/// One commit in flight at a time: appends that arrive while it commits are written together by its next transaction
/// (one binary <c>COPY</c> of the events, see <see cref="AppendTransaction"/>), all or nothing. If a combined commit
/// fails, each append is retried alone so one bad append (e.g. a sequence number written twice by a racing activation)
/// fails only itself. Appends are taken in arrival order, so one user's appends are stored in the order given.
/// </summary>
internal sealed class CommitLane : IAsyncDisposable
{
    private readonly AppendTransaction transaction;
    private readonly ILogger logger;
    private readonly Channel<PendingAppend> pending = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task loop;

    public CommitLane(AppendTransaction transaction, ILogger logger)
    {
        this.transaction = transaction;
        this.logger = logger;
        loop = Task.Run(RunAsync);
    }

    /// <summary>Completes once the append is durable; fails with <see cref="EventLogUnavailableException"/>.</summary>
    public Task AppendAsync(EventAppend append)
    {
        var waiting = new PendingAppend(append);
        return pending.Writer.TryWrite(waiting)
            ? waiting.Completion.Task
            : Task.FromException(new EventLogUnavailableException("The event log is shutting down."));
    }

    public async ValueTask DisposeAsync()
    {
        pending.Writer.TryComplete();
        await loop;
    }

    private async Task RunAsync()
    {
        var group = new List<PendingAppend>();
        while (await pending.Reader.WaitToReadAsync())
        {
            var rows = 0;
            while (rows < GroupCommitWriter.MaxRowsPerCommit && pending.Reader.TryRead(out var append))
            {
                group.Add(append);
                rows += append.Append.Events.Count;
            }

            await CommitAsync(group);
            group.Clear();
        }
    }

    private async Task CommitAsync(List<PendingAppend> group)
    {
        try
        {
            await transaction.CommitAsync([.. group.Select(a => a.Append)], CancellationToken.None);
            group.ForEach(a => a.Completion.TrySetResult());
            return;
        }
        catch (Exception ex) when (group.Count > 1)
        {
            logger.LogWarning(ex, "Group commit of {Count} appends failed; committing them one by one", group.Count);
        }
        catch (Exception ex)
        {
            group[0].Completion.TrySetException(Unavailable(ex));
            return;
        }

        foreach (var append in group)
        {
            try
            {
                await transaction.CommitAsync([append.Append], CancellationToken.None);
                append.Completion.TrySetResult();
            }
            catch (Exception ex)
            {
                append.Completion.TrySetException(Unavailable(ex));
            }
        }
    }

    /// <summary>Only the message crosses the grain boundary: driver exceptions are not serializable contracts.</summary>
    private EventLogUnavailableException Unavailable(Exception ex)
    {
        logger.LogWarning(ex, "Appending to the event log failed");
        return ex as EventLogUnavailableException ?? new EventLogUnavailableException($"The event log could not store the events: {ex.Message}");
    }

    private sealed record PendingAppend(EventAppend Append)
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
