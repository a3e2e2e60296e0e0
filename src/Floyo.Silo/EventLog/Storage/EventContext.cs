using System.Text.Encodings.Web;
using System.Text.Json;
using Floyo.Activity;

namespace Floyo.Silo.EventLog.Storage;

/// <summary>
/// The descriptors that rarely change from one event to the next: project, editor, branch and, from the details,
/// category, entity type, plugin, operating system and machine. A user's log stores each distinct combination once,
/// as a JSON array in the string dictionary, and each event refers to it by id. The language is not part of it: it
/// changes with every file, so it would multiply the combinations; it is a string id of its own in the body.
/// </summary>
internal sealed record EventContext(
    string? Project, string? Editor, string? Branch,
    string? Category, EntityType Type, string? Plugin, string? OperatingSystem, string? Machine)
{
    /// <summary>Non-ASCII text stays as it is (shorter, and as PostgreSQL's json_build_array writes it).</summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The event's context as stored, or null when it has none (no descriptor set).</summary>
    public static string? Format(ActivityEvent e)
    {
        var d = e.Details;
        if (e.Project is null && e.Editor is null && e.Branch is null
            && d is null or { Category: null, Type: EntityType.File, Plugin: null, OperatingSystem: null, Machine: null })
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartArray();
            foreach (var value in new[] { e.Project, e.Editor, e.Branch, d?.Category })
            {
                WriteNullable(json, value);
            }

            json.WriteNumberValue((short)(d?.Type ?? EntityType.File));
            foreach (var value in new[] { d?.Plugin, d?.OperatingSystem, d?.Machine })
            {
                WriteNullable(json, value);
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads a stored context (any JSON array of that shape, so migration 0009's spacing reads too).</summary>
    public static EventContext Parse(string stored)
    {
        using var document = JsonDocument.Parse(stored);
        var a = document.RootElement;
        if (a.ValueKind != JsonValueKind.Array || a.GetArrayLength() != 8)
        {
            throw new FormatException("A stored event context is not an array of 8 values.");
        }

        return new EventContext(
            a[0].GetString(), a[1].GetString(), a[2].GetString(), a[3].GetString(),
            (EntityType)a[4].GetInt16(), a[5].GetString(), a[6].GetString(), a[7].GetString());
    }

    private static void WriteNullable(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }
}
