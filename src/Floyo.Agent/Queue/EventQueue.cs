using System.Text.Json;
using Floyo.Agent.Configuration;
using Floyo.Agent.Events;

namespace Floyo.Agent.Queue;

/// <summary>
/// The offline queue: append-only JSON-lines segment files in one folder, owned by one process at a time (an
/// exclusive lock on <c>queue.lock</c>). Appends are fsynced before they return. A segment holds at most
/// <c>segmentSize</c> events and is sent as one batch and deleted once the server has answered for every event in it,
/// so a crash between the answer and the delete resends the segment (the server answers <c>duplicate</c>).
/// Bound: at most <c>maxEvents</c>; when an append goes over it, the oldest segments are deleted and counted as dropped.
/// </summary>
public sealed class EventQueue : IDisposable
{
    private readonly Lock gate = new();
    private readonly FileStream lockFile;
    private readonly SortedDictionary<long, int> segments = [];
    private readonly int maxEvents;
    private readonly int segmentSize;
    private long nextSequence;
    private FileStream? writer;
    private long writerSequence = -1;
    private int writerCount;

    private EventQueue(string directory, FileStream lockFile, int maxEvents, int segmentSize)
    {
        Directory = directory;
        this.lockFile = lockFile;
        this.maxEvents = maxEvents;
        this.segmentSize = segmentSize;
        foreach (var (sequence, path) in SegmentFiles.List(directory))
        {
            segments[sequence] = SegmentFiles.CountLines(path);
            nextSequence = sequence + 1;
        }

        Count = segments.Values.Sum();
    }

    public string Directory { get; }

    /// <summary>Events on disk not yet acknowledged by the server.</summary>
    public int Count { get; private set; }

    /// <summary>Opens (creating if needed) the queue in <paramref name="directory"/>; throws <see cref="QueueLockedException"/> when another process has it.</summary>
    public static EventQueue Open(string directory, int maxEvents, int batchSize)
    {
        OwnerOnlyFile.EnsureDirectory(directory);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(directory, "queue.lock"), OwnerOnlyFile.CreateOptions(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex)
        {
            throw new QueueLockedException(directory, ex);
        }

        var segmentSize = Math.Clamp(Math.Min(batchSize, maxEvents / 10), 1, 1000);
        return new EventQueue(directory, lockFile, Math.Max(1, maxEvents), segmentSize);
    }

    /// <summary>Whether a process holds the queue's lock (a watcher is running), checked without creating anything.</summary>
    public static bool IsInUse(string directory)
    {
        var path = Path.Combine(directory, "queue.lock");
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Appends events durably; returns how many old events were dropped to stay within the bound.</summary>
    public int Append(IReadOnlyList<WireEvent> events)
    {
        if (events.Count == 0)
        {
            return 0;
        }

        lock (gate)
        {
            foreach (var e in events)
            {
                if (writer is null || writerCount >= segmentSize)
                {
                    Roll();
                    writerSequence = nextSequence++;
                    writer = new FileStream(SegmentFiles.PathOf(Directory, writerSequence), OwnerOnlyFile.CreateOptions(FileMode.CreateNew));
                    writerCount = 0;
                    segments[writerSequence] = 0;
                }

                writer.Write(JsonSerializer.SerializeToUtf8Bytes(e, AgentJson.Default.WireEvent));
                writer.WriteByte((byte)'\n');
                writerCount++;
                segments[writerSequence]++;
                Count++;
            }

            writer!.Flush(flushToDisk: true);
            return DropOverflow();
        }
    }

    /// <summary>The oldest segment (closing it for appends if it is the one being written), or null when empty.</summary>
    public QueueSegment? PeekOldest()
    {
        lock (gate)
        {
            while (segments.Count > 0)
            {
                var sequence = segments.Keys.First();
                if (sequence == writerSequence)
                {
                    Roll();
                }

                var path = SegmentFiles.PathOf(Directory, sequence);
                var lines = File.Exists(path) ? SegmentFiles.ReadLines(path) : [];
                if (lines.Count > 0)
                {
                    return new QueueSegment(sequence, lines);
                }

                Remove(sequence);
            }

            return null;
        }
    }

    /// <summary>The server answered for every event of <paramref name="segment"/>: it leaves the queue.</summary>
    public void Acknowledge(QueueSegment segment)
    {
        lock (gate)
        {
            Remove(segment.Sequence);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            Roll();
            lockFile.Dispose();
        }
    }

    private int DropOverflow()
    {
        var dropped = 0;
        while (Count > maxEvents && segments.Count > 1)
        {
            var oldest = segments.Keys.First();
            if (oldest == writerSequence)
            {
                break;
            }

            dropped += segments[oldest];
            Remove(oldest);
        }

        return dropped;
    }

    private void Remove(long sequence)
    {
        if (segments.Remove(sequence, out var count))
        {
            Count -= count;
            File.Delete(SegmentFiles.PathOf(Directory, sequence));
        }
    }

    private void Roll()
    {
        if (writer is not null)
        {
            writer.Flush(flushToDisk: true);
            writer.Dispose();
            writer = null;
            writerSequence = -1;
        }
    }
}
