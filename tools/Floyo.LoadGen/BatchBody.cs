using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Floyo.LoadGen;

/// <summary>The JSON body of <c>POST /api/v1/events</c>: <c>{"events":[{kind, entity, timestamp, project, language, editor, branch, id}, …]}</c>.</summary>
public static class BatchBody
{
    public static byte[] Write(IReadOnlyList<SyntheticEvent> events)
    {
        var buffer = new ArrayBufferWriter<byte>(events.Count * 192);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("events");
            foreach (var e in events)
            {
                json.WriteStartObject();
                json.WriteString("kind", SyntheticEvent.Kind);
                json.WriteString("entity", e.Entity);
                json.WriteString("timestamp", e.Timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                json.WriteString("project", SyntheticEvent.Project);
                json.WriteString("language", SyntheticEvent.Language);
                json.WriteString("editor", SyntheticEvent.Editor);
                json.WriteString("branch", SyntheticEvent.Branch);
                json.WriteString("id", e.Id);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
