using System.Threading.Channels;
using Floyo.Activity;
using Floyo.Testing;
using Npgsql;

namespace Floyo.StorageBench;

/// <summary>The old layout's group commit, as the writer did before migration 0008: one autocommit binary COPY per group.</summary>
internal sealed class LegacyGroupWriter : IAsyncDisposable
{
    private const int MaxRowsPerCommit = 50_000;
    private readonly NpgsqlDataSource dataSource;
    private readonly Channel<(Guid UserId, IReadOnlyList<SequencedEvent> Events, TaskCompletionSource Done)> pending = Channel.CreateUnbounded<(Guid, IReadOnlyList<SequencedEvent>, TaskCompletionSource)>();
    private readonly Task loop;

    public LegacyGroupWriter(NpgsqlDataSource dataSource)
    {
        this.dataSource = dataSource;
        loop = Task.Run(RunAsync);
    }

    public Task AppendAsync(Guid userId, IReadOnlyList<SequencedEvent> events)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pending.Writer.TryWrite((userId, events, done));
        return done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        pending.Writer.TryComplete();
        await loop;
    }

    private async Task RunAsync()
    {
        var group = new List<(Guid UserId, IReadOnlyList<SequencedEvent> Events, TaskCompletionSource Done)>();
        while (await pending.Reader.WaitToReadAsync())
        {
            var rows = 0;
            while (rows < MaxRowsPerCommit && pending.Reader.TryRead(out var append))
            {
                group.Add(append);
                rows += append.Events.Count;
            }

            try
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await LegacyEventLog.CopyAsync(connection, group.SelectMany(a => a.Events.Select(e => (a.UserId, e))));
                group.ForEach(a => a.Done.TrySetResult());
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                group.ForEach(a => a.Done.TrySetException(ex));
            }

            group.Clear();
        }
    }
}
