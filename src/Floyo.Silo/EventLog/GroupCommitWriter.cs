using System.Threading.Channels;
using Floyo.Activity;
using Floyo.Silo.EventLog.Storage;
using Npgsql;

namespace Floyo.Silo.EventLog;

/// <summary>
/// Group commit for the event log: appends from every user that arrive while a commit is in flight are written
/// together by the next transaction (one binary <c>COPY</c> of the events, see <see cref="AppendTransaction"/>), all or
/// nothing. If a combined commit fails, each append is retried alone so one bad append (e.g. a sequence number
/// written twice by a racing activation) fails only itself. The writer owns the user and string caches
/// (<see cref="Catalog"/>) that <see cref="PostgresEventLog"/> reads through.
/// </summary>
public sealed class GroupCommitWriter : IAsyncDisposable
{
    /// <summary>Most rows one commit takes; more waiting appends go in the next commit.</summary>
    public const int MaxRowsPerCommit = 50_000;

    private readonly ILogger<GroupCommitWriter> logger;
    private readonly AppendTransaction transaction;
    private readonly Channel<PendingAppend> pending = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task loop;

    public GroupCommitWriter(NpgsqlDataSource dataSource, ILogger<GroupCommitWriter> logger)
    {
        this.logger = logger;
        Catalog = new EventLogCatalog(dataSource);
        transaction = new AppendTransaction(dataSource, Catalog, new EventLogPartitions(dataSource));
        loop = Task.Run(RunAsync);
    }

    internal EventLogCatalog Catalog { get; }

    public async Task AppendAsync(Guid userId, IReadOnlyList<SequencedEvent> events, CancellationToken cancellationToken)
    {
        var append = new PendingAppend(new EventAppend(userId, events));
        append.Append.Validate();
        if (events.Count == 0)
        {
            return;
        }

        if (!pending.Writer.TryWrite(append))
        {
            throw new EventLogUnavailableException("The event log is shutting down.");
        }

        await append.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        pending.Writer.TryComplete();
        await loop;
        Catalog.Dispose();
    }

    private async Task RunAsync()
    {
        var group = new List<PendingAppend>();
        while (await pending.Reader.WaitToReadAsync())
        {
            var rows = 0;
            while (rows < MaxRowsPerCommit && pending.Reader.TryRead(out var append))
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
