using System.Text;

namespace Floyo.Activity.Codecs;

/// <summary>
/// A self-contained binary form of a list of stored events, for the activity stream (<see cref="ActivityBatch"/>).
/// Orleans' own codec tracks every object and string it writes so that shared references survive; for a batch of
/// hundreds of events that bookkeeping cost more than the events themselves. Here each distinct string is written once
/// per batch and referred to by number after that, so the reader also gets one string instance per distinct value.
/// <para>
/// Layout: version, count, then per event: sequence and UTC ticks as zigzag deltas from the previous event, the
/// offset in minutes, the kind, seven strings (entity, project, language, editor, branch, previous entity, client
/// event id), a details mask (0: no details; see <see cref="DetailFields"/>) and the details it announces. A string is
/// a varint: 0 for null, <c>k</c> for the k-th distinct string already seen, and one more than the number seen so far
/// for a new one, whose UTF-8 length and bytes follow.
/// </para>
/// </summary>
public static class SequencedEventsCodec
{
    private const ulong Version = 1;

    [Flags]
    private enum DetailFields : ulong
    {
        None = 0,
        Present = 1 << 0,
        IsWrite = 1 << 1,
        IsWriteTrue = 1 << 2,
        Lines = 1 << 3,
        LineNumber = 1 << 4,
        CursorPosition = 1 << 5,
        LineAdditions = 1 << 6,
        LineDeletions = 1 << 7,
        AiLineChanges = 1 << 8,
        HumanLineChanges = 1 << 9,
        AiInputTokens = 1 << 10,
        AiOutputTokens = 1 << 11,
        Dependencies = 1 << 12,
    }

    /// <summary>Scratch space of <see cref="Encode"/>, reused by the thread's next call (it never calls out).</summary>
    [ThreadStatic]
    private static VarintWriter? threadWriter;

    [ThreadStatic]
    private static Dictionary<string, int>? threadStrings;

    public static byte[] Encode(IReadOnlyList<SequencedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var writer = threadWriter ??= new VarintWriter();
        var strings = threadStrings ??= new Dictionary<string, int>(StringComparer.Ordinal);
        writer.Clear();
        strings.Clear();
        writer.WriteVarUInt(Version);
        writer.WriteVarUInt((ulong)events.Count);
        var (sequence, ticks) = (0L, 0L);
        foreach (var stored in events)
        {
            var e = stored.Event;
            writer.WriteVarInt(stored.Sequence - sequence);
            writer.WriteVarInt(e.Timestamp.UtcTicks - ticks);
            writer.WriteVarInt((long)e.Timestamp.Offset.TotalMinutes);
            writer.WriteVarInt((short)e.Kind);
            (sequence, ticks) = (stored.Sequence, e.Timestamp.UtcTicks);
            foreach (var value in (ReadOnlySpan<string?>)[e.Entity, e.Project, e.Language, e.Editor, e.Branch, e.PreviousEntity, e.ClientEventId])
            {
                WriteString(writer, strings, value);
            }

            WriteDetails(writer, strings, e.Details);
        }

        return writer.ToArray();
    }

    /// <summary>The events <see cref="Encode"/> wrote; <see cref="FormatException"/> when the data is not its output.</summary>
    public static SequencedEvent[] Decode(ReadOnlySpan<byte> data)
    {
        try
        {
            return DecodeChecked(data);
        }
        catch (OverflowException ex)
        {
            throw new FormatException("An encoded number is out of range.", ex);
        }
    }

    private static SequencedEvent[] DecodeChecked(ReadOnlySpan<byte> data)
    {
        var reader = new VarintReader(data);
        if (reader.ReadVarUInt() != Version)
        {
            throw new FormatException("Unknown version of encoded events.");
        }

        var events = new SequencedEvent[ReadCount(ref reader)];
        var strings = new List<string>();
        var (sequence, ticks) = (0L, 0L);
        for (var i = 0; i < events.Length; i++)
        {
            sequence += reader.ReadVarInt();
            ticks += reader.ReadVarInt();
            var offset = TimeSpan.FromMinutes(reader.ReadVarInt());
            var kind = (ActivityKind)checked((short)reader.ReadVarInt());
            var entity = ReadString(ref reader, strings) ?? throw new FormatException("An encoded event has no entity.");
            var e = new ActivityEvent(
                kind,
                entity,
                new DateTimeOffset(ticks + offset.Ticks, offset),
                Project: ReadString(ref reader, strings),
                Language: ReadString(ref reader, strings),
                Editor: ReadString(ref reader, strings),
                Branch: ReadString(ref reader, strings),
                PreviousEntity: ReadString(ref reader, strings),
                ClientEventId: ReadString(ref reader, strings),
                Details: ReadDetails(ref reader, strings));
            events[i] = new SequencedEvent(sequence, e);
        }

        return reader.AtEnd ? events : throw new FormatException("Encoded events are followed by unexpected bytes.");
    }

    private static void WriteDetails(VarintWriter writer, Dictionary<string, int> strings, EventDetails? d)
    {
        if (d is null)
        {
            writer.WriteVarUInt((ulong)DetailFields.None);
            return;
        }

        var fields = DetailFields.Present
            | Flag(d.IsWrite is not null, DetailFields.IsWrite) | Flag(d.IsWrite == true, DetailFields.IsWriteTrue)
            | Flag(d.Lines is not null, DetailFields.Lines) | Flag(d.LineNumber is not null, DetailFields.LineNumber)
            | Flag(d.CursorPosition is not null, DetailFields.CursorPosition) | Flag(d.LineAdditions is not null, DetailFields.LineAdditions)
            | Flag(d.LineDeletions is not null, DetailFields.LineDeletions) | Flag(d.AiLineChanges is not null, DetailFields.AiLineChanges)
            | Flag(d.HumanLineChanges is not null, DetailFields.HumanLineChanges) | Flag(d.AiInputTokens is not null, DetailFields.AiInputTokens)
            | Flag(d.AiOutputTokens is not null, DetailFields.AiOutputTokens) | Flag(d.Dependencies is not null, DetailFields.Dependencies);
        writer.WriteVarUInt((ulong)fields);
        writer.WriteVarInt((short)d.Type);
        foreach (var value in (ReadOnlySpan<string?>)[d.Category, d.Plugin, d.OperatingSystem, d.Machine, d.AiSession, d.Extension])
        {
            WriteString(writer, strings, value);
        }

        foreach (var number in (ReadOnlySpan<long?>)[d.Lines, d.LineNumber, d.CursorPosition, d.LineAdditions, d.LineDeletions,
                     d.AiLineChanges, d.HumanLineChanges, d.AiInputTokens, d.AiOutputTokens])
        {
            if (number is { } value)
            {
                writer.WriteVarInt(value);
            }
        }

        if (d.Dependencies is { } dependencies)
        {
            writer.WriteVarUInt((ulong)dependencies.Count);
            foreach (var dependency in dependencies)
            {
                WriteString(writer, strings, dependency);
            }
        }
    }

    private static EventDetails? ReadDetails(ref VarintReader reader, List<string> strings)
    {
        var fields = (DetailFields)reader.ReadVarUInt();
        if (fields == DetailFields.None)
        {
            return null;
        }

        var type = (EntityType)checked((short)reader.ReadVarInt());
        var (category, plugin, os, machine, aiSession, extension) = (
            ReadString(ref reader, strings), ReadString(ref reader, strings), ReadString(ref reader, strings),
            ReadString(ref reader, strings), ReadString(ref reader, strings), ReadString(ref reader, strings));
        var lines = ReadInt(ref reader, fields, DetailFields.Lines);
        var lineNumber = ReadInt(ref reader, fields, DetailFields.LineNumber);
        var cursor = ReadInt(ref reader, fields, DetailFields.CursorPosition);
        var additions = ReadInt(ref reader, fields, DetailFields.LineAdditions);
        var deletions = ReadInt(ref reader, fields, DetailFields.LineDeletions);
        var aiChanges = ReadInt(ref reader, fields, DetailFields.AiLineChanges);
        var humanChanges = ReadInt(ref reader, fields, DetailFields.HumanLineChanges);
        long? aiInput = Has(fields, DetailFields.AiInputTokens) ? reader.ReadVarInt() : null;
        long? aiOutput = Has(fields, DetailFields.AiOutputTokens) ? reader.ReadVarInt() : null;
        string[]? dependencies = null;
        if (Has(fields, DetailFields.Dependencies))
        {
            dependencies = new string[ReadCount(ref reader)];
            for (var i = 0; i < dependencies.Length; i++)
            {
                dependencies[i] = ReadString(ref reader, strings) ?? throw new FormatException("An encoded dependency is null.");
            }
        }

        return new EventDetails
        {
            Type = type,
            Category = category,
            Plugin = plugin,
            OperatingSystem = os,
            Machine = machine,
            IsWrite = Has(fields, DetailFields.IsWrite) ? Has(fields, DetailFields.IsWriteTrue) : null,
            Lines = lines,
            LineNumber = lineNumber,
            CursorPosition = cursor,
            LineAdditions = additions,
            LineDeletions = deletions,
            AiLineChanges = aiChanges,
            HumanLineChanges = humanChanges,
            AiInputTokens = aiInput,
            AiOutputTokens = aiOutput,
            AiSession = aiSession,
            Dependencies = dependencies,
            Extension = extension,
        };
    }

    private static void WriteString(VarintWriter writer, Dictionary<string, int> strings, string? value)
    {
        if (value is null)
        {
            writer.WriteVarUInt(0);
            return;
        }

        if (strings.TryGetValue(value, out var number))
        {
            writer.WriteVarUInt((ulong)number);
            return;
        }

        strings.Add(value, strings.Count + 1);
        writer.WriteVarUInt((ulong)strings.Count);
        var length = Encoding.UTF8.GetByteCount(value);
        writer.WriteVarUInt((ulong)length);
        writer.Advance(Encoding.UTF8.GetBytes(value, writer.GetSpan(length)));
    }

    private static string? ReadString(ref VarintReader reader, List<string> strings)
    {
        var number = reader.ReadVarUInt();
        if (number == 0)
        {
            return null;
        }

        if (number <= (ulong)strings.Count)
        {
            return strings[(int)number - 1];
        }

        if (number != (ulong)strings.Count + 1)
        {
            throw new FormatException("An encoded string refers to one not yet seen.");
        }

        var value = Encoding.UTF8.GetString(reader.ReadBytes(checked((int)reader.ReadVarUInt())));
        strings.Add(value);
        return value;
    }

    /// <summary>A count of items that each take at least a byte, so never more than the bytes left.</summary>
    private static int ReadCount(ref VarintReader reader)
    {
        var count = reader.ReadVarUInt();
        return count <= (ulong)reader.Remaining ? (int)count : throw new FormatException("An encoded count exceeds the data.");
    }

    private static int? ReadInt(ref VarintReader reader, DetailFields fields, DetailFields field) =>
        Has(fields, field) ? checked((int)reader.ReadVarInt()) : null;

    private static DetailFields Flag(bool condition, DetailFields field) => condition ? field : DetailFields.None;

    private static bool Has(DetailFields fields, DetailFields field) => (fields & field) != 0;
}
