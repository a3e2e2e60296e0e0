using System.Text.Json.Nodes;
using Floyo.Activity;

namespace Floyo.Web.Apis.WakaTime;

/// <summary>
/// Builds the answers wakatime-cli parses: for a bulk post, <c>{"responses": [[body, status], …]}</c> with exactly one
/// pair per heartbeat, in order; a stored heartbeat's body is <c>{"data": {…}}</c> with 201, a bad one's body carries
/// <c>errors</c> (field → messages) with 400, so the CLI drops it instead of re-queueing the batch.
/// </summary>
public static class HeartbeatResponses
{
    public static JsonObject Bulk(Guid userId, IReadOnlyList<BatchItem> items, IReadOnlyList<IngestItemResult> results) => new()
    {
        ["responses"] = new JsonArray([.. items.Select((item, i) => (JsonNode)Pair(userId, item, results[i]))]),
    };

    /// <summary>The body of one heartbeat's answer and its status.</summary>
    public static (JsonObject Body, int Status) Single(Guid userId, BatchItem item, IngestItemResult result) =>
        result.Outcome == IngestOutcome.Rejected
            ? (Errors(result), StatusCodes.Status400BadRequest)
            : (new JsonObject { ["data"] = Data(userId, item.Event!, result) }, StatusCodes.Status201Created);

    private static JsonArray Pair(Guid userId, BatchItem item, IngestItemResult result)
    {
        var (body, status) = Single(userId, item, result);
        return [body, status];
    }

    private static JsonObject Errors(IngestItemResult result) => new()
    {
        ["errors"] = new JsonObject { [HeartbeatReader.WireName(result.Field ?? "heartbeat")] = new JsonArray(result.Error ?? "Invalid.") },
    };

    private static JsonObject Data(Guid userId, ActivityEvent e, IngestItemResult result)
    {
        var d = e.Details;
        return new JsonObject
        {
            ["id"] = e.ClientEventId,
            ["user_id"] = userId.ToString("D"),
            ["entity"] = e.Entity,
            ["type"] = (d?.Type ?? EntityType.File).ToString().ToLowerInvariant(),
            ["time"] = e.Timestamp.ToUnixTimeMilliseconds() / 1000.0,
            ["category"] = e.Category,
            ["project"] = e.Project,
            ["branch"] = e.Branch,
            ["language"] = e.Language,
            ["is_write"] = d?.IsWrite,
            ["lines"] = d?.Lines,
            ["lineno"] = d?.LineNumber,
            ["cursorpos"] = d?.CursorPosition,
            ["dependencies"] = d?.Dependencies is { } deps ? new JsonArray([.. deps.Select(x => (JsonNode?)x)]) : null,
            ["machine_name_id"] = d?.Machine,
            ["user_agent_id"] = d?.Plugin,
            ["created_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["sequence"] = result.Sequence,
        };
    }
}
