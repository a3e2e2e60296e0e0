namespace Floyo.Activity.Codecs;

/// <summary>Reads what <see cref="VarintWriter"/> wrote; throws <see cref="FormatException"/> on truncated or malformed data.</summary>
public ref struct VarintReader(ReadOnlySpan<byte> body)
{
    private readonly ReadOnlySpan<byte> body = body;
    private int position;

    public readonly bool AtEnd => position == body.Length;

    /// <summary>Bytes not read yet.</summary>
    public readonly int Remaining => body.Length - position;

    public ulong ReadVarUInt()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var next = ReadByte();
            value |= (ulong)(next & 0x7F) << shift;
            if (next < 0x80)
            {
                return value;
            }
        }

        throw new FormatException("A varint is longer than 64 bits.");
    }

    public long ReadVarInt()
    {
        var raw = ReadVarUInt();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public int ReadStringId() => checked((int)ReadVarUInt());

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || count > body.Length - position)
        {
            throw new FormatException("The encoded data is truncated.");
        }

        var bytes = body.Slice(position, count);
        position += count;
        return bytes;
    }

    private byte ReadByte() =>
        position < body.Length ? body[position++] : throw new FormatException("The encoded data is truncated.");
}
