using System.Text;
using Floyo.Agent.Queue;

namespace Floyo.Agent.Sending;

/// <summary>
/// Sends the queue oldest segment first, in batches of at most <c>batchSize</c> events and
/// <see cref="MaxBodyBytes"/>, and removes a segment once the server answered for all of it. Rejected events and
/// batches the server refuses as a whole (400, or 413 for a single event) are logged, counted and dropped: they can
/// never succeed. 401, 403 and transient failures keep the queue and are reported in the status.
/// </summary>
public sealed class QueueFlusher(EventQueue queue, StatusStore status, AgentLog log, int batchSize, TimeProvider? time = null)
{
    /// <summary>Stays below the server's 1 MiB body limit.</summary>
    public const int MaxBodyBytes = 900 * 1024;

    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <summary>Sends until the queue is empty, <paramref name="isPaused"/> says stop, or a batch fails.</summary>
    public async Task<FlushResult> FlushAsync(IngestClient? client, Func<bool> isPaused, CancellationToken cancellationToken)
    {
        int totalAccepted = 0, totalDuplicates = 0, totalRejected = 0;
        while (!isPaused() && queue.PeekOldest() is { } segment)
        {
            if (client is null)
            {
                return Fail(new SendResult(SendStatus.Unauthorized, Error: "Not logged in: run 'floyo-agent login --server URL --key KEY'."));
            }

            int accepted = 0, duplicates = 0, rejected = 0;
            foreach (var batch in Batches(segment.Lines))
            {
                var result = await SendAsync(client, batch, cancellationToken);
                if (result.Status != SendStatus.Delivered)
                {
                    return Fail(result);
                }

                accepted += result.Accepted;
                duplicates += result.Duplicates;
                rejected += result.Rejected;
                foreach (var rejection in result.Rejections ?? [])
                {
                    log.Warn($"The server rejected an event (dropped): {rejection}");
                }
            }

            FaultInjection.AfterBatchAnswered();
            queue.Acknowledge(segment);
            var sent = (accepted, duplicates, rejected);
            status.Update(s => s with
            {
                LastSyncAt = clock.GetUtcNow(),
                LastError = null,
                LastErrorAt = null,
                Accepted = s.Accepted + sent.accepted,
                Duplicates = s.Duplicates + sent.duplicates,
                Rejected = s.Rejected + sent.rejected,
            });
            (totalAccepted, totalDuplicates, totalRejected) = (totalAccepted + accepted, totalDuplicates + duplicates, totalRejected + rejected);
            log.Info($"Sent {segment.Lines.Count} events: {sent.accepted} accepted, {sent.duplicates} duplicates, {sent.rejected} rejected; {queue.Count} queued.");
        }

        return new FlushResult(totalAccepted, totalDuplicates, totalRejected, null);
    }

    /// <summary>Sends one batch; a batch the server finds too large is halved, a whole-batch 400 becomes rejections.</summary>
    private async Task<SendResult> SendAsync(IngestClient client, List<string> batch, CancellationToken cancellationToken)
    {
        var result = await client.SendAsync(batch, cancellationToken);
        if (result.Status == SendStatus.TooLarge && batch.Count > 1)
        {
            var half = batch.Count / 2;
            var first = await SendAsync(client, [.. batch.Take(half)], cancellationToken);
            if (first.Status != SendStatus.Delivered)
            {
                return first;
            }

            var second = await SendAsync(client, [.. batch.Skip(half)], cancellationToken);
            return second.Status != SendStatus.Delivered
                ? second
                : new SendResult(SendStatus.Delivered, first.Accepted + second.Accepted, first.Duplicates + second.Duplicates, [.. first.Rejections ?? [], .. second.Rejections ?? []]);
        }

        return result.Status is SendStatus.TooLarge or SendStatus.BadBatch
            ? new SendResult(SendStatus.Delivered, Rejections: [.. batch.Select(_ => result.Error ?? result.Status.ToString())])
            : result;
    }

    private IEnumerable<List<string>> Batches(IReadOnlyList<string> lines)
    {
        var batch = new List<string>();
        var bytes = 0;
        foreach (var line in lines)
        {
            var size = Encoding.UTF8.GetByteCount(line) + 1;
            if (batch.Count > 0 && (batch.Count >= batchSize || bytes + size > MaxBodyBytes))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }

            batch.Add(line);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private FlushResult Fail(SendResult result)
    {
        status.Update(s => s with { LastError = result.Error, LastErrorAt = clock.GetUtcNow() });
        log.Warn($"Sending failed, {queue.Count} events kept in the queue: {result.Error}");
        return new FlushResult(0, 0, 0, result);
    }
}
