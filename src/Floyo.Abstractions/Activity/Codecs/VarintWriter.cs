namespace Floyo.Activity.Codecs;

/// <summary>
/// Writes compact binary data (an event log body, a stream batch): unsigned LEB128 varints (7 bits a byte, low bits
/// first) and zigzag varints for signed values (0, -1, 1, -2, … → 0, 1, 2, 3, …), so small numbers take one byte.
/// Reusable: <see cref="Clear"/> starts over in the same buffer.
/// </summary>
public sealed class VarintWriter
{
    private byte[] buffer = new byte[64];
    private int length;

    /// <summary>The bytes written since the last <see cref="Clear"/>.</summary>
    public int Length => length;

    public void Clear() => length = 0;

    public void WriteVarUInt(ulong value)
    {
        while (value >= 0x80)
        {
            WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        WriteByte((byte)value);
    }

    public void WriteVarInt(long value) => WriteVarUInt((ulong)((value << 1) ^ (value >> 63)));

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
    }

    /// <summary>Room for <paramref name="count"/> bytes written directly, committed by <see cref="Advance"/>.</summary>
    public Span<byte> GetSpan(int count)
    {
        Reserve(count);
        return buffer.AsSpan(length, count);
    }

    public void Advance(int count) => length += count;

    public byte[] ToArray() => buffer.AsSpan(0, length).ToArray();

    /// <summary>The bytes written since the last <see cref="Clear"/>, without a copy: valid until the next write or clear.</summary>
    public ReadOnlyMemory<byte> Written => buffer.AsMemory(0, length);

    private void WriteByte(byte value)
    {
        Reserve(1);
        buffer[length++] = value;
    }

    private void Reserve(int count)
    {
        if (length + count > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + count));
        }
    }
}
