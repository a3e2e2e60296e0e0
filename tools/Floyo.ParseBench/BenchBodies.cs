using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Floyo.ParseBench;

/// <summary>
/// Request bodies of <c>POST /api/v1/events</c> shaped like real traffic: the load generator's file events, and
/// editor heartbeats with the WakaTime details a plugin adds.
/// </summary>
public static class BenchBodies
{
    private const int Files = 1000;

    /// <summary>As <c>tools/Floyo.LoadGen</c> sends them: one project, random files of 1,000, unique ids, timestamp now.</summary>
    public static byte[] FileEvents(int count, int seed) => Write(count, seed, details: false);

    /// <summary>Heartbeats with category, plugin, operating system, machine, isWrite, lines, lineno and cursorpos.</summary>
    public static byte[] Heartbeats(int count, int seed) => Write(count, seed, details: true);

    private static byte[] Write(int count, int seed, bool details)
    {
        var random = new Random(seed);
        var timestamp = DateTimeOffset.UtcNow.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var buffer = new ArrayBufferWriter<byte>(count * 320);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("events");
            for (var i = 0; i < count; i++)
            {
                json.WriteStartObject();
                json.WriteString("kind", details ? "heartbeat" : "modified");
                json.WriteString("entity", $"src/f{random.Next(Files)}.cs");
                json.WriteString("timestamp", timestamp);
                json.WriteString("project", "p1");
                json.WriteString("language", "C#");
                json.WriteString("editor", "vscode");
                json.WriteString("branch", "main");
                json.WriteString("id", $"bench{seed}-0-{i + 1}");
                if (details)
                {
                    json.WriteString("category", "coding");
                    json.WriteString("plugin", "vscode-wakatime/24.9.1");
                    json.WriteString("operatingSystem", "linux");
                    json.WriteString("machine", "devbox-7");
                    json.WriteBoolean("isWrite", i % 5 == 0);
                    json.WriteNumber("lines", 120 + random.Next(400));
                    json.WriteNumber("lineno", 1 + random.Next(120));
                    json.WriteNumber("cursorpos", random.Next(4000));
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
