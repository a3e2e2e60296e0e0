using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Floyo.LoadGen;

/// <summary>
/// Makes one user's batches as the JSON body of <c>POST /api/v1/events</c>:
/// <c>{"events":[{kind, entity, timestamp, project, language, editor, branch, id}, …]}</c> with files
/// <c>src/f0.cs</c>…<c>src/f999.cs</c> picked at random, unique ids and the batch's time of writing. The bytes are put
/// together from pieces encoded once, because the tool's own CPU is taken from the machine it measures.
/// </summary>
public sealed class SyntheticEvents
{
    private const int Files = 1000;

    private static readonly byte[][] Entities = [.. Enumerable.Range(0, Files).Select(f => Encoding.UTF8.GetBytes($"src/f{f}.cs"))];

    private readonly Random random;
    private readonly byte[] idPrefix;
    private long counter;

    public SyntheticEvents(string runTag, int userIndex)
    {
        random = new Random(userIndex);
        idPrefix = JsonEncodedText.Encode($"{runTag}-{userIndex}-").EncodedUtf8Bytes.ToArray();
    }

    private static ReadOnlySpan<byte> Start => "{\"events\":["u8;

    private static ReadOnlySpan<byte> Entity => "{\"kind\":\"modified\",\"entity\":\""u8;

    private static ReadOnlySpan<byte> Timestamp => "\",\"timestamp\":\""u8;

    private static ReadOnlySpan<byte> Fixed => "\",\"project\":\"p1\",\"language\":\"C#\",\"editor\":\"vscode\",\"branch\":\"main\",\"id\":\""u8;

    private static ReadOnlySpan<byte> EventEnd => "\"}"u8;

    private static ReadOnlySpan<byte> End => "]}"u8;

    /// <summary>The next batch of <paramref name="count"/> events, every one stamped now.</summary>
    public byte[] NextBody(int count)
    {
        var timestamp = Encoding.UTF8.GetBytes(DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        var perEvent = Entity.Length + 12 + Timestamp.Length + timestamp.Length + Fixed.Length + idPrefix.Length + 20 + EventEnd.Length + 1;
        var buffer = new byte[Start.Length + (count * perEvent) + End.Length];
        var written = Append(buffer, 0, Start);
        lock (random)
        {
            for (var i = 0; i < count; i++)
            {
                written = i > 0 ? Append(buffer, written, ","u8) : written;
                written = Append(buffer, written, Entity);
                written = Append(buffer, written, Entities[random.Next(Files)]);
                written = Append(buffer, written, Timestamp);
                written = Append(buffer, written, timestamp);
                written = Append(buffer, written, Fixed);
                written = Append(buffer, written, idPrefix);
                Utf8Formatter.TryFormat(++counter, buffer.AsSpan(written), out var digits);
                written = Append(buffer, written + digits, EventEnd);
            }
        }

        written = Append(buffer, written, End);
        return buffer[..written];
    }

    private static int Append(byte[] buffer, int at, ReadOnlySpan<byte> piece)
    {
        piece.CopyTo(buffer.AsSpan(at));
        return at + piece.Length;
    }
}
