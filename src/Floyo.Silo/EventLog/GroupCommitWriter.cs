using System.Threading.Channels;
using Floyo.Activity;
using Npgsql;
using NpgsqlTypes;

namespace Floyo.Silo.EventLog;

/// <summary>
/// Group commit for the event log: appends from every user that arrive while a commit is in flight are written
/// together by the next binary <c>COPY</c> (one statement, so all or nothing). If a combined commit fails, each append
/// is retried alone so one bad append (e.g. a sequence number written twice by a racing activation) fails only itself.
/// </summary>
public sealed class GroupCommitWriter : IAsyncDisposable
{
    /// <summary>Most rows one commit takes; more waiting appends go in the next commit.</summary>
    public const int MaxRowsPerCommit = 50_000;

    private const string CopyCommand =
        "COPY floyo_event_log (user_id, seq, occurred_at, kind, entity, previous_entity, project, language, editor, branch, client_event_id, details) FROM STDIN (FORMAT BINARY)";

    private readonly NpgsqlDataSource dataSource;
    private readonly ILogger<GroupCommitWriter> logger;
    private readonly Channel<PendingAppend> pending = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task loop;

    public GroupCommitWriter(NpgsqlDataSource dataSource, ILogger<GroupCommitWriter> logger)
    {
        this.dataSource = dataSource;
        this.logger = logger;
        loop = Task.Run(RunAsync);
    }

    public async Task AppendAsync(Guid userId, IReadOnlyList<SequencedEvent> events, CancellationToken cancellationToken)
    {
        var append = new PendingAppend(userId, events);
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
                rows += append.Events.Count;
            }

            await CommitAsync(group);
            group.Clear();
        }
    }

    private async Task CommitAsync(List<PendingAppend> group)
    {
        try
        {
            await CopyAsync(group);
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
                await CopyAsync([append]);
                append.Completion.TrySetResult();
            }
            catch (Exception ex)
            {
                append.Completion.TrySetException(Unavailable(ex));
            }
        }
    }

    private async Task CopyAsync(List<PendingAppend> group)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var importer = await connection.BeginBinaryImportAsync(CopyCommand);
        foreach (var append in group)
        {
            foreach (var stored in append.Events)
            {
                var e = stored.Event;
                await importer.StartRowAsync();
                await importer.WriteAsync(append.UserId, NpgsqlDbType.Uuid);
                await importer.WriteAsync(stored.Sequence, NpgsqlDbType.Bigint);
                await importer.WriteAsync(e.Timestamp, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync((short)e.Kind, NpgsqlDbType.Smallint);
                await importer.WriteAsync(e.Entity, NpgsqlDbType.Text);
                await WriteNullableAsync(importer, e.PreviousEntity);
                await WriteNullableAsync(importer, e.Project);
                await WriteNullableAsync(importer, e.Language);
                await WriteNullableAsync(importer, e.Editor);
                await WriteNullableAsync(importer, e.Branch);
                await WriteNullableAsync(importer, e.ClientEventId);
                await (e.Details is null
                    ? importer.WriteNullAsync()
                    : importer.WriteAsync(EventDetailsJson.Serialize(e.Details), NpgsqlDbType.Jsonb));
            }
        }

        await importer.CompleteAsync();
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value) =>
        value is null ? importer.WriteNullAsync() : importer.WriteAsync(value, NpgsqlDbType.Text);

    /// <summary>Only the message crosses the grain boundary: driver exceptions are not serializable contracts.</summary>
    private EventLogUnavailableException Unavailable(Exception ex)
    {
        logger.LogWarning(ex, "Appending to the event log failed");
        return ex as EventLogUnavailableException ?? new EventLogUnavailableException($"The event log could not store the events: {ex.Message}");
    }

    private sealed record PendingAppend(Guid UserId, IReadOnlyList<SequencedEvent> Events)
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
