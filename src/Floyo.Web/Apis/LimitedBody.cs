using System.Buffers;

namespace Floyo.Web.Apis;

/// <summary>Reads a request body up to a limit without trusting Content-Length, into a pooled buffer.</summary>
public static class LimitedBody
{
    private const int FirstBufferBytes = 16 * 1024;

    /// <summary>Buffers up to this size come from the shared pool; larger ones (imports) are allocated to size and dropped.</summary>
    private const int MaxPooledBytes = 2 * 1024 * 1024;

    /// <summary>
    /// The body, or null when it is longer than <paramref name="maxBytes"/>. Dispose it once nothing reads
    /// <see cref="RequestBody.Value"/> any more (a <see cref="System.Text.Json.JsonDocument"/> parsed from it included).
    /// </summary>
    public static async Task<RequestBody?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        // A truthful Content-Length sizes the buffer once; one byte more shows whether the body went past it.
        var size = request.ContentLength is long declared ? (int)declared + 1 : FirstBufferBytes;
        var buffer = Rent(size);
        var length = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    Return(buffer);
                    return null;
                }

                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, length, maxBytes);
                }
            }
        }
        catch
        {
            Return(buffer);
            throw;
        }

        return new RequestBody(buffer, length);
    }

    private static byte[] Grow(byte[] buffer, int length, int maxBytes)
    {
        var larger = Rent((int)Math.Min((long)buffer.Length * 2, maxBytes + 1L));
        buffer.AsSpan(0, length).CopyTo(larger);
        Return(buffer);
        return larger;
    }

    private static byte[] Rent(int size) =>
        size <= MaxPooledBytes ? ArrayPool<byte>.Shared.Rent(size) : GC.AllocateUninitializedArray<byte>(size);

    /// <summary>Hands a buffer from <see cref="Rent"/> back: pooled sizes are powers of two up to the limit.</summary>
    internal static void Return(byte[] buffer)
    {
        if (buffer.Length <= MaxPooledBytes && (buffer.Length & (buffer.Length - 1)) == 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>A request body in a pooled buffer; disposing hands the buffer back.</summary>
public sealed class RequestBody(byte[] buffer, int length) : IDisposable
{
    private byte[]? rented = buffer;

    /// <summary>The body's bytes (valid until disposed).</summary>
    public ReadOnlyMemory<byte> Value { get; } = buffer.AsMemory(0, length);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref rented, null) is { } array)
        {
            LimitedBody.Return(array);
        }
    }
}
