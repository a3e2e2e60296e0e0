using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Floyo.Web.Apis;

/// <summary>
/// Makes equal string values of one batch (project, language, editor, paths, …) one string instance, keyed by their
/// UTF-8 bytes as sent. Bounded: values over <see cref="MaxValueBytes"/> and values met after the first
/// <see cref="MaxEntries"/> distinct ones are read as new strings. Holds the elements it has seen, so it lives no longer
/// than their <see cref="JsonDocument"/>; dispose it to return its table to the pool.
/// </summary>
public sealed class JsonStringCache : IDisposable
{
    public const int MaxValueBytes = 256;
    public const int MaxEntries = 256;

    /// <summary>Open addressing at most half full, so a probe stays short.</summary>
    private const int TableSize = 2 * MaxEntries;

    private Entry[]? table = ArrayPool<Entry>.Shared.Rent(TableSize);
    private int count;

    /// <summary>The value of a string element (unescaped, as <see cref="JsonElement.GetString"/> reads it).</summary>
    public string Get(JsonElement value)
    {
        ObjectDisposedException.ThrowIf(table is null, this);
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length > MaxValueBytes + 2)
        {
            return value.GetString()!;
        }

        var hash = HashOf(raw);
        var index = hash & (TableSize - 1);
        for (; table[index].Value is { } cached; index = (index + 1) & (TableSize - 1))
        {
            if (table[index].Hash == hash && raw.SequenceEqual(JsonMarshal.GetRawUtf8Value(table[index].Source)))
            {
                return cached;
            }
        }

        var text = value.GetString()!;
        if (count < MaxEntries)
        {
            table[index] = new Entry(hash, value, text);
            count++;
        }

        return text;
    }

    public void Dispose()
    {
        if (table is not null)
        {
            ArrayPool<Entry>.Shared.Return(table, clearArray: true);
            table = null;
        }
    }

    /// <summary>Seeded per process (<see cref="HashCode"/>), so a client cannot craft colliding values.</summary>
    private static int HashOf(ReadOnlySpan<byte> raw)
    {
        var hash = new HashCode();
        hash.AddBytes(raw);
        return hash.ToHashCode();
    }

    /// <summary>A cached value and the element it was read from, whose raw bytes are the key.</summary>
    private readonly record struct Entry(int Hash, JsonElement Source, string? Value);
}
