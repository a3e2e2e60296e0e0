using Floyo.Activity;
using Floyo.Activity.Codecs;
using F = Floyo.Silo.EventLog.Storage.EventBodyFields;

namespace Floyo.Silo.EventLog.Storage;

/// <summary>
/// The <c>body</c> column: everything about an event but its user, sequence number and time, in a few bytes. A header
/// varint (<see cref="EventBodyFields"/>), the kind when it does not fit the header, the entity's string id, then the
/// fields the header announces: the context's string id (<see cref="EventContext"/>), the client event id
/// (<see cref="ClientEventIdCodec"/>), the language's and the previous entity's string ids, and the details: numbers
/// (plain varints for counts, which are never negative in valid events yet stay exact if they are; zigzag for the
/// signed line changes), strings (ids) and dependencies (count, then ids). Strings are ids in the user's dictionary,
/// so a path or project is stored once per user.
/// </summary>
internal static class EventBody
{
    private const int KindEscape = 15;

    public static byte[] Encode(ActivityEvent e, IStringIds strings, VarintWriter writer)
    {
        writer.Clear();
        Write(e, strings, writer);
        return writer.ToArray();
    }

    /// <summary>Appends the event's body to <paramref name="writer"/> (after whatever it holds).</summary>
    public static void Write(ActivityEvent e, IStringIds strings, VarintWriter writer)
    {
        var kind = (short)e.Kind;
        if (kind < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "The event body holds kinds from 0.");
        }

        var context = strings.ContextOf(e);
        var d = e.Details;
        var fields = (F)Math.Min((int)kind, KindEscape)
            | Flag(context is not null, F.Context) | Flag(e.ClientEventId is not null, F.ClientEventId)
            | Flag(e.Language is not null, F.Language) | Flag(e.PreviousEntity is not null, F.PreviousEntity) | Flag(d is not null, F.Details);
        if (d is not null)
        {
            fields |= Flag(d.IsWrite is not null, F.IsWrite) | Flag(d.IsWrite == true, F.IsWriteTrue)
                | Flag(d.Lines is not null, F.Lines) | Flag(d.LineNumber is not null, F.LineNumber)
                | Flag(d.CursorPosition is not null, F.CursorPosition) | Flag(d.LineAdditions is not null, F.LineAdditions)
                | Flag(d.LineDeletions is not null, F.LineDeletions) | Flag(d.AiLineChanges is not null, F.AiLineChanges)
                | Flag(d.HumanLineChanges is not null, F.HumanLineChanges) | Flag(d.AiInputTokens is not null, F.AiInputTokens)
                | Flag(d.AiOutputTokens is not null, F.AiOutputTokens) | Flag(d.AiSession is not null, F.AiSession)
                | Flag(d.Dependencies is not null, F.Dependencies) | Flag(d.Extension is not null, F.Extension);
        }

        writer.WriteVarUInt((ulong)fields);
        if (kind >= KindEscape)
        {
            writer.WriteVarUInt((ulong)kind);
        }

        writer.WriteVarUInt((ulong)strings.IdOf(e.Entity));
        WriteString(writer, strings, context);
        if (e.ClientEventId is not null)
        {
            ClientEventIdCodec.Write(writer, e.ClientEventId);
        }

        WriteString(writer, strings, e.Language);
        WriteString(writer, strings, e.PreviousEntity);
        if (d is not null)
        {
            WriteDetails(writer, strings, d);
        }
    }

    public static SequencedEvent Decode(long sequence, DateTimeOffset timestamp, ReadOnlySpan<byte> body, UserDictionary strings)
    {
        var reader = new VarintReader(body);
        var fields = (F)reader.ReadVarUInt();
        var kind = (ActivityKind)(short)ReadKind(ref reader, fields);
        var entity = strings.Value(reader.ReadStringId());
        var context = Has(fields, F.Context) ? strings.Context(reader.ReadStringId()) : null;
        var clientId = Has(fields, F.ClientEventId) ? ClientEventIdCodec.Read(ref reader) : null;
        var language = Has(fields, F.Language) ? strings.Value(reader.ReadStringId()) : null;
        var previous = Has(fields, F.PreviousEntity) ? strings.Value(reader.ReadStringId()) : null;
        var details = Has(fields, F.Details) ? ReadDetails(ref reader, fields, context, strings) : null;
        return new SequencedEvent(sequence, new ActivityEvent(
            kind, entity, timestamp, context?.Project, language, context?.Editor, context?.Branch, previous, clientId, details));
    }

    /// <summary>The greatest string id the body refers to, so a reader can bring its dictionary up to date first.</summary>
    public static int MaxStringId(ReadOnlySpan<byte> body)
    {
        var reader = new VarintReader(body);
        var fields = (F)reader.ReadVarUInt();
        ReadKind(ref reader, fields);
        var max = reader.ReadStringId();
        max = Math.Max(max, ReadOptionalId(ref reader, fields, F.Context));
        if (Has(fields, F.ClientEventId))
        {
            ClientEventIdCodec.Read(ref reader);
        }

        max = Math.Max(max, ReadOptionalId(ref reader, fields, F.Language));
        max = Math.Max(max, ReadOptionalId(ref reader, fields, F.PreviousEntity));
        for (var field = F.Lines; field <= F.AiOutputTokens; field = (F)((ulong)field << 1))
        {
            if (Has(fields, field) && field != F.PreviousEntity)
            {
                reader.ReadVarUInt();
            }
        }

        max = Math.Max(max, ReadOptionalId(ref reader, fields, F.AiSession));
        if (Has(fields, F.Dependencies))
        {
            for (var count = reader.ReadVarUInt(); count > 0; count--)
            {
                max = Math.Max(max, reader.ReadStringId());
            }
        }

        return Math.Max(max, ReadOptionalId(ref reader, fields, F.Extension));
    }

    /// <summary>Only the client event id (null when the event has none), without the dictionary.</summary>
    public static string? ReadClientEventId(ReadOnlySpan<byte> body)
    {
        var reader = new VarintReader(body);
        var fields = (F)reader.ReadVarUInt();
        ReadKind(ref reader, fields);
        reader.ReadStringId();
        ReadOptionalId(ref reader, fields, F.Context);
        return Has(fields, F.ClientEventId) ? ClientEventIdCodec.Read(ref reader) : null;
    }

    private static void WriteDetails(VarintWriter writer, IStringIds strings, EventDetails d)
    {
        WriteCount(writer, d.Lines);
        WriteCount(writer, d.LineNumber);
        WriteCount(writer, d.CursorPosition);
        WriteCount(writer, d.LineAdditions);
        WriteCount(writer, d.LineDeletions);
        WriteSigned(writer, d.AiLineChanges);
        WriteSigned(writer, d.HumanLineChanges);
        WriteCount(writer, d.AiInputTokens);
        WriteCount(writer, d.AiOutputTokens);
        WriteString(writer, strings, d.AiSession);
        if (d.Dependencies is { } dependencies)
        {
            writer.WriteVarUInt((ulong)dependencies.Count);
            foreach (var dependency in dependencies)
            {
                writer.WriteVarUInt((ulong)strings.IdOf(dependency));
            }
        }

        WriteString(writer, strings, d.Extension);
    }

    private static EventDetails ReadDetails(ref VarintReader reader, F fields, EventContext? context, UserDictionary strings)
    {
        var lines = ReadCount(ref reader, fields, F.Lines);
        var lineNumber = ReadCount(ref reader, fields, F.LineNumber);
        var cursor = ReadCount(ref reader, fields, F.CursorPosition);
        var additions = ReadCount(ref reader, fields, F.LineAdditions);
        var deletions = ReadCount(ref reader, fields, F.LineDeletions);
        int? aiChanges = Has(fields, F.AiLineChanges) ? checked((int)reader.ReadVarInt()) : null;
        int? humanChanges = Has(fields, F.HumanLineChanges) ? checked((int)reader.ReadVarInt()) : null;
        long? aiInput = Has(fields, F.AiInputTokens) ? (long)reader.ReadVarUInt() : null;
        long? aiOutput = Has(fields, F.AiOutputTokens) ? (long)reader.ReadVarUInt() : null;
        var aiSession = Has(fields, F.AiSession) ? strings.Value(reader.ReadStringId()) : null;
        string[]? dependencies = null;
        if (Has(fields, F.Dependencies))
        {
            dependencies = new string[checked((int)reader.ReadVarUInt())];
            for (var i = 0; i < dependencies.Length; i++)
            {
                dependencies[i] = strings.Value(reader.ReadStringId());
            }
        }

        var extension = Has(fields, F.Extension) ? strings.Value(reader.ReadStringId()) : null;
        return new EventDetails
        {
            Type = context?.Type ?? EntityType.File,
            Category = context?.Category,
            Plugin = context?.Plugin,
            OperatingSystem = context?.OperatingSystem,
            Machine = context?.Machine,
            IsWrite = Has(fields, F.IsWrite) ? Has(fields, F.IsWriteTrue) : null,
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

    private static long ReadKind(ref VarintReader reader, F fields)
    {
        var kind = (long)(fields & F.KindMask);
        return kind == KindEscape ? checked((short)reader.ReadVarUInt()) : kind;
    }

    private static int ReadOptionalId(ref VarintReader reader, F fields, F field) => Has(fields, field) ? reader.ReadStringId() : 0;

    /// <summary>A count as a plain varint of its two's complement: one byte up to 127; a negative one takes ten, exactly.</summary>
    private static void WriteCount(VarintWriter writer, long? value)
    {
        if (value is { } v)
        {
            writer.WriteVarUInt((ulong)v);
        }
    }

    private static int? ReadCount(ref VarintReader reader, F fields, F field) =>
        Has(fields, field) ? checked((int)(long)reader.ReadVarUInt()) : null;

    private static void WriteSigned(VarintWriter writer, long? value)
    {
        if (value is { } v)
        {
            writer.WriteVarInt(v);
        }
    }

    private static void WriteString(VarintWriter writer, IStringIds strings, string? value)
    {
        if (value is not null)
        {
            writer.WriteVarUInt((ulong)strings.IdOf(value));
        }
    }

    private static F Flag(bool condition, F field) => condition ? field : F.None;

    private static bool Has(F fields, F field) => (fields & field) != 0;
}
