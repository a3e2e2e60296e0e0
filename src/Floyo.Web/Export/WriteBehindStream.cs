namespace Floyo.Web.Export;

/// <summary>
/// A write-only, non-seekable stream that collects what is written (synchronously, as <see cref="System.IO.Compression.ZipArchive"/>
/// does when it closes an entry) until <see cref="DrainToAsync"/> moves it to the real destination asynchronously. The
/// response stream refuses synchronous writes; draining after every batch of rows keeps the buffer small.
/// </summary>
internal sealed class WriteBehindStream : Stream
{
    private readonly MemoryStream pending = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => pending.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => pending.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        pending.Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        pending.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Writes what has collected to <paramref name="destination"/> and starts over.</summary>
    public async Task DrainToAsync(Stream destination, CancellationToken cancellationToken)
    {
        if (pending.Length == 0)
        {
            return;
        }

        await destination.WriteAsync(pending.GetBuffer().AsMemory(0, (int)pending.Length), cancellationToken);
        await destination.FlushAsync(cancellationToken);
        pending.SetLength(0);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            pending.Dispose();
        }

        base.Dispose(disposing);
    }
}
