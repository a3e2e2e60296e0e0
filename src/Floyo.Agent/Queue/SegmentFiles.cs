using System.Globalization;
using System.Text.Json;

namespace Floyo.Agent.Queue;

/// <summary>The files of the queue folder: <c>000000000042.jsonl</c>, one event per line, oldest number first.</summary>
public static class SegmentFiles
{
    public const string Extension = ".jsonl";

    public static string PathOf(string directory, long sequence) =>
        Path.Combine(directory, sequence.ToString("D12", CultureInfo.InvariantCulture) + Extension);

    /// <summary>The segments in the folder, oldest first.</summary>
    public static IEnumerable<(long Sequence, string Path)> List(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*" + Extension)
                .Select(p => (Ok: long.TryParse(Path.GetFileNameWithoutExtension(p), NumberStyles.None, CultureInfo.InvariantCulture, out var s), Sequence: s, Path: p))
                .Where(x => x.Ok)
                .Select(x => (x.Sequence, x.Path))
                .OrderBy(x => x.Sequence)
            : [];

    /// <summary>The number of lines in a segment (a torn last line counts; it is skipped when read).</summary>
    public static int CountLines(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            var lines = bytes.AsSpan().Count((byte)'\n');
            return bytes.Length > 0 && bytes[^1] != (byte)'\n' ? lines + 1 : lines;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }

    /// <summary>The well-formed JSON object lines of a segment.</summary>
    public static List<string> ReadLines(string path)
    {
        var lines = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (IsJsonObject(line))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>Events queued in <paramref name="directory"/>, counted from the files (readable without the lock).</summary>
    public static int CountQueued(string directory) => List(directory).Sum(s => CountLines(s.Path));

    private static bool IsJsonObject(string line)
    {
        if (line.Length < 2 || line[0] != '{')
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
