using Floyo.Activity;
using Floyo.Silo.EventLog.Storage;
using Npgsql;

namespace Floyo.Silo.EventLog;

/// <summary>
/// Group commit for the event log, in <see cref="Lanes"/> lanes (<see cref="CommitLane"/>) so that one transaction is
/// built and sent while another waits for its commit to be flushed. Each user belongs to one lane, so a user's appends
/// keep their order; within a lane, appends from every user that arrive during a commit go together into the next.
/// Transactions of two lanes touch different users' rows, and lock them in user-key order anyway (as silos sharing a
/// database do). The writer owns the user and string caches (<see cref="Catalog"/>) that <see cref="PostgresEventLog"/>
/// reads through.
/// </summary>
public sealed class GroupCommitWriter : IAsyncDisposable
{
    /// <summary>Most rows one commit takes; more waiting appends go in the next commit.</summary>
    public const int MaxRowsPerCommit = 50_000;

    /// <summary>Commits in flight at once (one per lane).</summary>
    public const int Lanes = 2;

    private readonly CommitLane[] lanes;

    public GroupCommitWriter(NpgsqlDataSource dataSource, ILogger<GroupCommitWriter> logger)
    {
        Catalog = new EventLogCatalog(dataSource);
        var partitions = new EventLogPartitions(dataSource);
        lanes = [.. Enumerable.Range(0, Lanes).Select(_ => new CommitLane(new AppendTransaction(dataSource, Catalog, partitions), logger))];
    }

    internal EventLogCatalog Catalog { get; }

    public async Task AppendAsync(Guid userId, IReadOnlyList<SequencedEvent> events, CancellationToken cancellationToken)
    {
        var append = new EventAppend(userId, events);
        append.Validate();
        if (events.Count == 0)
        {
            return;
        }

        await lanes[LaneOf(userId)].AppendAsync(append).WaitAsync(cancellationToken);
    }

    /// <summary>The lane a user's appends go through (stable for the process).</summary>
    internal static int LaneOf(Guid userId) => (userId.GetHashCode() & int.MaxValue) % Lanes;

    public async ValueTask DisposeAsync()
    {
        foreach (var lane in lanes)
        {
            await lane.DisposeAsync();
        }

        Catalog.Dispose();
    }
}
