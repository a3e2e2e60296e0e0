using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Floyo.Activity;

namespace Floyo.Web.Apis.WakaTime;

/// <summary>
/// Reads WakaTime heartbeats leniently, as the real plugins send them: numbers as numeric strings, unknown keys,
/// <c>null</c>s, negative AI line changes. A heartbeat gets a client event id derived from the fields wakatime-cli's own
/// offline queue de-duplicates by, so a batch the CLI re-sends is stored once.
/// </summary>
public static class HeartbeatReader
{
    /// <summary>Field names of Floyo's rules mapped back to the heartbeat's JSON names.</summary>
    private static readonly Dictionary<string, string> WireNames = new(StringComparer.Ordinal)
    {
        ["timestamp"] = "time", ["isWrite"] = "is_write", ["lineAdditions"] = "line_additions", ["lineDeletions"] = "line_deletions",
        ["aiInputTokens"] = "ai_input_tokens", ["aiOutputTokens"] = "ai_output_tokens", ["aiSession"] = "ai_session",
        ["plugin"] = "user_agent", ["operatingSystem"] = "user_agent", ["machine"] = "machine_name", ["editor"] = "user_agent",
    };

    /// <summary>The heartbeat JSON name of one of Floyo's field names.</summary>
    public static string WireName(string field) => WireNames.GetValueOrDefault(field, field);

    public static BatchItem Read(JsonElement heartbeat, string? userAgentHeader, string? machineHeader)
    {
        if (heartbeat.ValueKind != JsonValueKind.Object)
        {
            return BatchItem.Invalid("heartbeat", "Each heartbeat must be a JSON object.");
        }

        try
        {
            var fields = new JsonFields(heartbeat, lenient: true);
            var agent = UserAgentInfo.Merge(UserAgentInfo.Parse(fields.String("user_agent")), UserAgentInfo.Parse(userAgentHeader));
            var isWrite = fields.Bool("is_write");
            var time = fields.Timestamp("time") ?? throw new FieldException("time", "This field is required.");
            var entity = fields.String("entity") ?? throw new FieldException("entity", "This field is required.");
            var details = new EventDetails
            {
                Type = EventBatchReader.EntityTypeOf(fields.String("type")),
                Category = fields.String("category") is { } category ? ActivityCategories.Normalize(category) ?? category : null,
                Plugin = agent.Plugin,
                OperatingSystem = agent.OperatingSystem,
                Machine = fields.String("machine_name_id") ?? fields.String("machine") ?? machineHeader,
                IsWrite = isWrite,
                Lines = fields.Int("lines"),
                LineNumber = fields.Int("lineno"),
                CursorPosition = fields.Int("cursorpos"),
                LineAdditions = fields.Int("line_additions"),
                LineDeletions = fields.Int("line_deletions"),
                AiLineChanges = fields.Int("ai_line_changes"),
                HumanLineChanges = fields.Int("human_line_changes"),
                AiInputTokens = fields.Long("ai_input_tokens"),
                AiOutputTokens = fields.Long("ai_output_tokens"),
                AiSession = fields.String("ai_session"),
                Dependencies = fields.Strings("dependencies"),
            };
            var activity = new ActivityEvent(
                ActivityKind.Heartbeat, entity, time, NullIfBlank(fields.String("project")), NullIfBlank(fields.String("language")),
                agent.Editor, NullIfBlank(fields.String("branch")), ClientEventId: IdentityOf(heartbeat, time, entity, isWrite), Details: details);
            return BatchItem.Valid(activity);
        }
        catch (FieldException ex)
        {
            return BatchItem.Invalid(ex.Field, ex.Message);
        }
    }

    /// <summary>(time, cursorpos, type, category, project, branch, entity, is_write): what the CLI's queue dedupes by.</summary>
    private static string IdentityOf(JsonElement heartbeat, DateTimeOffset time, string entity, bool? isWrite)
    {
        string Raw(string name) => heartbeat.TryGetProperty(name, out var value) ? value.ToString() : "";
        var key = string.Join('\u001f', time.ToUnixTimeMilliseconds(), Raw("cursorpos"), Raw("type"), Raw("category"),
            Raw("project"), Raw("branch"), entity, isWrite);
        return "wt:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 18);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
