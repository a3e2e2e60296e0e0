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
            return BatchItem.Valid(ReadEvent(new JsonFields(item, lenient: false)));
        }
        catch (FieldException ex)
        {
            return BatchItem.Invalid(ex.Field, ex.Message);
        }
    }

    private static ActivityEvent ReadEvent(JsonFields fields)
    {
        if (!ActivityKindNames.TryParse(fields.Required("kind"), out var kind))
        {
            throw new FieldException("kind", $"Must be one of: {ActivityKindNames.List}.");
        }

        return new ActivityEvent(
            kind,
            fields.Required("entity"),
            fields.Timestamp("timestamp") ?? throw new FieldException("timestamp", "Is required."),
            fields.String("project"),
            fields.String("language"),
            fields.String("editor"),
            fields.String("branch"),
            fields.String("previousEntity"),
            fields.String("id"),
            ReadDetails(fields));
    }

    private static EventDetails? ReadDetails(JsonFields f)
    {
        var details = new EventDetails
        {
            Type = EntityTypeOf(f.String("type")),
            Category = f.String("category") is { } category ? ActivityCategories.Normalize(category) ?? category : null,
            Plugin = f.String("plugin"),
            OperatingSystem = f.String("operatingSystem"),
            Machine = f.String("machine"),
            IsWrite = f.Bool("isWrite"),
            Lines = f.Int("lines"),
            LineNumber = f.Int("lineno"),
            CursorPosition = f.Int("cursorpos"),
            LineAdditions = f.Int("lineAdditions"),
            LineDeletions = f.Int("lineDeletions"),
            AiLineChanges = f.Int("aiLineChanges"),
            HumanLineChanges = f.Int("humanLineChanges"),
            AiInputTokens = f.Long("aiInputTokens"),
            AiOutputTokens = f.Long("aiOutputTokens"),
            AiSession = f.String("aiSession"),
            Dependencies = f.Strings("dependencies"),
            Extension = f.String("extension"),
        };
        return details == Empty ? null : details;
    }

    private static readonly EventDetails Empty = new();

    /// <summary>Reads an entity type name (file, app, domain, url); null means file.</summary>
    public static EntityType EntityTypeOf(string? name) => name?.ToLowerInvariant() switch
    {
        null or "file" => EntityType.File,
        "app" => EntityType.App,
        "domain" => EntityType.Domain,
        "url" => EntityType.Url,
        _ => throw new FieldException("type", "Must be one of: file, app, domain, url."),
    };
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
