using System.Globalization;
using System.Text.Json;
using Floyo.Activity;

namespace Floyo.Web.Apis;

/// <summary>
/// Turns the body of <c>POST /api/v1/events</c> into events. A body that is not the expected shape fails as a whole
/// (<see cref="BatchReadResult.Problem"/>); an item that is the wrong shape fails alone, with the offending field.
/// Semantic checks (lengths, control characters, timestamp window) happen in the grain, by
/// <see cref="ActivityEventRules"/>, so every path into the log applies the same rules.
/// </summary>
public static class EventBatchReader
{
    public const int MaxEventsPerBatch = 1000;
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };
    private static readonly string KindList = string.Join(", ", Enum.GetNames<FileEventKind>().Select(n => n.ToLowerInvariant()));

    public static BatchReadResult Read(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return BatchReadResult.Fail(StatusCodes.Status400BadRequest, "$", $"The body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("events", out var events)
                || events.ValueKind != JsonValueKind.Array)
            {
                return BatchReadResult.Fail(StatusCodes.Status400BadRequest, "events", "The body must be an object with an 'events' array.");
            }

            var count = events.GetArrayLength();
            if (count == 0)
            {
                return BatchReadResult.Fail(StatusCodes.Status400BadRequest, "events", "The batch is empty.");
            }

            if (count > MaxEventsPerBatch)
            {
                return BatchReadResult.Fail(StatusCodes.Status413PayloadTooLarge, "events", $"A batch holds at most {MaxEventsPerBatch} events; this one has {count}.");
            }

            return BatchReadResult.Ok([.. events.EnumerateArray().Select(ReadItem)]);
        }
    }

    private static BatchItem ReadItem(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return BatchItem.Invalid("$", "Each event must be a JSON object.");
        }

        try
        {
            var kindText = RequiredString(item, "kind");
            if (!TryParseKind(kindText, out var kind))
            {
                return BatchItem.Invalid("kind", $"Must be one of: {KindList}.");
            }

            return BatchItem.Valid(new ActivityEvent(
                kind,
                RequiredString(item, "entity"),
                ReadTimestamp(item),
                OptionalString(item, "project"),
                OptionalString(item, "language"),
                OptionalString(item, "editor"),
                OptionalString(item, "branch"),
                OptionalString(item, "previousEntity"),
                OptionalString(item, "id")));
        }
        catch (FieldException ex)
        {
            return BatchItem.Invalid(ex.Field, ex.Message);
        }
    }

    private static bool TryParseKind(string text, out FileEventKind kind) =>
        Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !char.IsAsciiDigit(text[0]) && text[0] != '-';

    private static DateTimeOffset ReadTimestamp(JsonElement item)
    {
        if (!item.TryGetProperty("timestamp", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new FieldException("timestamp", "Is required.");
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds)
            && seconds is > 0 and < 253402300799)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
        }

        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        throw new FieldException("timestamp", "Must be an ISO 8601 date-time (e.g. 2026-11-26T10:00:00Z) or Unix seconds.");
    }

    private static string RequiredString(JsonElement item, string name) =>
        OptionalString(item, name) ?? throw new FieldException(name, "Is required.");

    private static string? OptionalString(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new FieldException(name, $"Must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}.");
    }

    private sealed class FieldException(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }
}

/// <summary>One item of a batch: the event, or why it could not be read.</summary>
public sealed record BatchItem(ActivityEvent? Event, IngestItemResult? Error)
{
    public static BatchItem Valid(ActivityEvent e) => new(e, null);

    public static BatchItem Invalid(string field, string message) => new(null, IngestItemResult.Reject(field, message));
}

/// <summary>The items of a readable batch, or the status and field error that reject the whole body.</summary>
public sealed record BatchReadResult(IReadOnlyList<BatchItem> Items, int Status, string? Field, string? Problem)
{
    public static BatchReadResult Ok(IReadOnlyList<BatchItem> items) => new(items, StatusCodes.Status200OK, null, null);

    public static BatchReadResult Fail(int status, string field, string problem) => new([], status, field, problem);
}
