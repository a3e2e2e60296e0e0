using Floyo.Activity;
using F = Floyo.Silo.EventLog.Storage.EventBodyFields;

namespace Floyo.Silo.EventLog.Storage;

/// <summary>
/// The <c>body</c> column: everything about an event but its user, sequence number and time, in a few bytes. A header
/// varint (<see cref="EventBodyFields"/>), the entity's string id, then the fields the header announces: the context's
/// string id (<see cref="EventContext"/>), the client event id (<see cref="ClientEventIdCodec"/>), the previous
/// entity's string id, and the details' numbers (zigzag varints), strings (ids) and dependencies (count, then ids).
/// Strings are ids in the user's dictionary, so a path or project is stored once per user.
/// </summary>
internal static class EventBody
{
    public static byte[] Encode(ActivityEvent e, IStringIds strings, BodyWriter writer)
    {
        var kind = (int)e.Kind;
        if (kind is < 0 or > (int)F.KindMask)
        {
            throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "The event body holds kinds 0 to 31.");
        }

        var context = EventContext.Format(e);
        var d = e.Details;
        var fields = (F)kind
            | Flag(context is not null, F.Context) | Flag(e.ClientEventId is not null, F.ClientEventId)
            | Flag(e.PreviousEntity is not null, F.PreviousEntity) | Flag(d is not null, F.Details);
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

        writer.Clear();
        writer.WriteVarUInt((ulong)fields);
        writer.WriteVarUInt((ulong)strings.IdOf(e.Entity));
        WriteString(writer, strings, context);
        if (e.ClientEventId is not null)
        {
            ClientEventIdCodec.Write(writer, e.ClientEventId);
        }

        WriteString(writer, strings, e.PreviousEntity);
        if (d is not null)
        {
            WriteDetails(writer, strings, d);
        }

        return writer.ToArray();
    }

    public static SequencedEvent Decode(long sequence, DateTimeOffset timestamp, ReadOnlySpan<byte> body, UserDictionary strings)
    {
        var reader = new BodyReader(body);
        var fields = (F)reader.ReadVarUInt();
        var entity = strings.Value(reader.ReadStringId());
        var context = Has(fields, F.Context) ? strings.Context(reader.ReadStringId()) : null;
        var clientId = Has(fields, F.ClientEventId) ? ClientEventIdCodec.Read(ref reader) : null;
        var previous = Has(fields, F.PreviousEntity) ? strings.Value(reader.ReadStringId()) : null;
        var details = Has(fields, F.Details) ? ReadDetails(ref reader, fields, context, strings) : null;
        return new SequencedEvent(sequence, new ActivityEvent(
            (ActivityKind)(short)(fields & F.KindMask), entity, timestamp,
            context?.Project, context?.Language, context?.Editor, context?.Branch, previous, clientId, details));
    }

    /// <summary>The greatest string id the body refers to, so a reader can bring its dictionary up to date first.</summary>
    public static int MaxStringId(ReadOnlySpan<byte> body)
    {
        var reader = new BodyReader(body);
        var fields = (F)reader.ReadVarUInt();
        var max = reader.ReadStringId();
        if (Has(fields, F.Context))
        {
            max = Math.Max(max, reader.ReadStringId());
        }

        if (Has(fields, F.ClientEventId))
        {
            ClientEventIdCodec.Read(ref reader);
        }

        if (Has(fields, F.PreviousEntity))
        {
            max = Math.Max(max, reader.ReadStringId());
        }

        for (var field = F.Lines; field <= F.AiOutputTokens; field = (F)((ulong)field << 1))
        {
            if (Has(fields, field))
            {
                reader.ReadVarInt();
            }
        }

        if (Has(fields, F.AiSession))
        {
            max = Math.Max(max, reader.ReadStringId());
        }

        if (Has(fields, F.Dependencies))
        {
            for (var count = reader.ReadVarUInt(); count > 0; count--)
            {
                max = Math.Max(max, reader.ReadStringId());
            }
        }

        return Has(fields, F.Extension) ? Math.Max(max, reader.ReadStringId()) : max;
    }

    /// <summary>Only the client event id (null when the event has none), without the dictionary.</summary>
    public static string? ReadClientEventId(ReadOnlySpan<byte> body)
    {
        var reader = new BodyReader(body);
        var fields = (F)reader.ReadVarUInt();
        reader.ReadStringId();
        if (Has(fields, F.Context))
        {
            reader.ReadStringId();
        }

        return Has(fields, F.ClientEventId) ? ClientEventIdCodec.Read(ref reader) : null;
    }

    private static void WriteDetails(BodyWriter writer, IStringIds strings, EventDetails d)
    {
        foreach (var number in new long?[]
        {
            d.Lines, d.LineNumber, d.CursorPosition, d.LineAdditions, d.LineDeletions, d.AiLineChanges, d.HumanLineChanges,
            d.AiInputTokens, d.AiOutputTokens,
        })
        {
            if (number is { } value)
            {
                writer.WriteVarInt(value);
            }
        }

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

    private static EventDetails ReadDetails(ref BodyReader reader, F fields, EventContext? context, UserDictionary strings)
    {
        var lines = ReadInt(ref reader, fields, F.Lines);
        var lineNumber = ReadInt(ref reader, fields, F.LineNumber);
        var cursor = ReadInt(ref reader, fields, F.CursorPosition);
        var additions = ReadInt(ref reader, fields, F.LineAdditions);
        var deletions = ReadInt(ref reader, fields, F.LineDeletions);
        var aiChanges = ReadInt(ref reader, fields, F.AiLineChanges);
        var humanChanges = ReadInt(ref reader, fields, F.HumanLineChanges);
        long? aiInput = Has(fields, F.AiInputTokens) ? reader.ReadVarInt() : null;
        long? aiOutput = Has(fields, F.AiOutputTokens) ? reader.ReadVarInt() : null;
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

    private static int? ReadInt(ref BodyReader reader, F fields, F field) =>
        Has(fields, field) ? checked((int)reader.ReadVarInt()) : null;

    private static void WriteString(BodyWriter writer, IStringIds strings, string? value)
    {
        if (value is not null)
        {
            writer.WriteVarUInt((ulong)strings.IdOf(value));
        }
    }

    private static F Flag(bool condition, F field) => condition ? field : F.None;

    private static bool Has(F fields, F field) => (fields & field) != 0;
}
