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

            using var fields = new JsonFields(EventField.Names, lenient: false);
            var items = new BatchItem[count];
            var index = 0;
            foreach (var item in events.EnumerateArray())
            {
                items[index++] = ReadItem(item, fields);
            }

            return BatchReadResult.Ok(items);
        }
    }

    private static BatchItem ReadItem(JsonElement item, JsonFields fields)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return BatchItem.Invalid("$", "Each event must be a JSON object.");
        }

        try
        {
            fields.Load(item);
            return BatchItem.Valid(ReadEvent(fields));
        }
        catch (FieldException ex)
        {
            return BatchItem.Invalid(ex.Field, ex.Message);
        }
    }

    private static ActivityEvent ReadEvent(JsonFields fields)
    {
        if (!ActivityKindNames.TryParse(fields.Required(EventField.Kind), out var kind))
        {
            throw new FieldException(EventField.Kind.Name, $"Must be one of: {ActivityKindNames.List}.");
        }

        return new ActivityEvent(
            kind,
            fields.Required(EventField.Entity),
            fields.Timestamp(EventField.Timestamp) ?? throw new FieldException(EventField.Timestamp.Name, "Is required."),
            fields.String(EventField.Project),
            fields.String(EventField.Language),
            fields.String(EventField.Editor),
            fields.String(EventField.Branch),
            fields.String(EventField.PreviousEntity),
            fields.String(EventField.Id),
            fields.HasAny(EventField.Details) ? ReadDetails(fields) : null);
    }

    private static EventDetails? ReadDetails(JsonFields f)
    {
        var details = new EventDetails
        {
            Type = EntityTypeOf(f.String(EventField.Type)),
            Category = f.String(EventField.Category) is { } category ? ActivityCategories.Normalize(category) ?? category : null,
            Plugin = f.String(EventField.Plugin),
            OperatingSystem = f.String(EventField.OperatingSystem),
            Machine = f.String(EventField.Machine),
            IsWrite = f.Bool(EventField.IsWrite),
            Lines = f.Int(EventField.Lines),
            LineNumber = f.Int(EventField.LineNumber),
            CursorPosition = f.Int(EventField.CursorPosition),
            LineAdditions = f.Int(EventField.LineAdditions),
            LineDeletions = f.Int(EventField.LineDeletions),
            AiLineChanges = f.Int(EventField.AiLineChanges),
            HumanLineChanges = f.Int(EventField.HumanLineChanges),
            AiInputTokens = f.Long(EventField.AiInputTokens),
            AiOutputTokens = f.Long(EventField.AiOutputTokens),
            AiSession = f.String(EventField.AiSession),
            Dependencies = f.Strings(EventField.Dependencies),
            Extension = f.String(EventField.Extension),
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
