using System.Globalization;
using System.IO.Compression;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace Floyo.Web.Export;

/// <summary>
/// Writes every <see cref="IExportSection"/> of a user to a stream as rows arrive, flushing as it goes, so the memory
/// an export takes does not grow with the data (one page of events, one buffer).
/// </summary>
public sealed class ExportWriter(IEnumerable<IExportSection> sections, TimeProvider clock)
{
    /// <summary>Rows written between flushes to the client.</summary>
    private const int RowsPerFlush = 500;

    public const int FormatVersion = 1;

    /// <summary><c>{"format": "floyo-export", "version": 1, "exportedAt": …, "&lt;section&gt;": {…} or […], …}</c></summary>
    public async Task WriteJsonAsync(Guid userId, PipeWriter body, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(body, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("format", "floyo-export");
        json.WriteNumber("version", FormatVersion);
        json.WriteString("exportedAt", clock.GetUtcNow());
        foreach (var section in sections)
        {
            json.WritePropertyName(section.Name);
            if (section.SingleRow)
            {
                var wrote = false;
                await foreach (var row in section.ReadAsync(userId, cancellationToken))
                {
                    WriteObject(json, section.Columns, row);
                    wrote = true;
                    break;
                }

                if (!wrote)
                {
                    json.WriteNullValue();
                }

                continue;
            }

            json.WriteStartArray();
            var rows = 0;
            await foreach (var row in section.ReadAsync(userId, cancellationToken))
            {
                WriteObject(json, section.Columns, row);
                if (++rows % RowsPerFlush == 0)
                {
                    await json.FlushAsync(cancellationToken);
                    await body.FlushAsync(cancellationToken);
                }
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        await body.FlushAsync(cancellationToken);
    }

    /// <summary>A zip (entries written as they are produced) with <c>{section}.csv</c> per section: RFC 4180, UTF-8, header row.</summary>
    public async Task WriteCsvZipAsync(Guid userId, Stream body, CancellationToken cancellationToken)
    {
        await using var buffer = new WriteBehindStream();
        var zip = await ZipArchive.CreateAsync(buffer, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        foreach (var section in sections)
        {
            var entry = zip.CreateEntry(section.Name + ".csv", CompressionLevel.Fastest);
            var writer = new StreamWriter(await entry.OpenAsync(cancellationToken), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024);
            await writer.WriteLineAsync(string.Join(',', section.Columns.Select(Csv)));
            var rows = 0;
            await foreach (var row in section.ReadAsync(userId, cancellationToken))
            {
                await writer.WriteLineAsync(string.Join(',', row.Select(v => Csv(Format(v)))));
                if (++rows % RowsPerFlush == 0)
                {
                    await writer.FlushAsync(cancellationToken);
                    await buffer.DrainToAsync(body, cancellationToken);
                }
            }

            await writer.DisposeAsync();
            await buffer.DrainToAsync(body, cancellationToken);
        }

        await zip.DisposeAsync();
        await buffer.DrainToAsync(body, cancellationToken);
    }

    private static void WriteObject(Utf8JsonWriter json, IReadOnlyList<string> columns, object?[] row)
    {
        json.WriteStartObject();
        for (var i = 0; i < columns.Count; i++)
        {
            if (row[i] is null)
            {
                continue;
            }

            json.WritePropertyName(columns[i]);
            switch (row[i])
            {
                case string s: json.WriteStringValue(s); break;
                case bool b: json.WriteBooleanValue(b); break;
                case int n: json.WriteNumberValue(n); break;
                case long n: json.WriteNumberValue(n); break;
                case double d: json.WriteNumberValue(d); break;
                case Guid g: json.WriteStringValue(g); break;
                case DateTimeOffset t: json.WriteStringValue(t); break;
                case var other: json.WriteStringValue(Convert.ToString(other, CultureInfo.InvariantCulture)); break;
            }
        }

        json.WriteEndObject();
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted and its quotes doubled.</summary>
    private static string Csv(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
