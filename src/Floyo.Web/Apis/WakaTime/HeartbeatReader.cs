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

    /// <summary>Reads the heartbeats of one request (or dump) in order, one item each.</summary>
    public static List<BatchItem> ReadAll(IEnumerable<JsonElement> heartbeats, string? userAgentHeader, string? machineHeader)
    {
        using var fields = new JsonFields(HeartbeatField.Names, lenient: true);
        var agents = new UserAgents(UserAgentInfo.Parse(userAgentHeader));
        var items = new List<BatchItem>();
        foreach (var heartbeat in heartbeats)
        {
            items.Add(Read(heartbeat, fields, agents, machineHeader));
        }

        return items;
    }

    private static BatchItem Read(JsonElement heartbeat, JsonFields fields, UserAgents agents, string? machineHeader)
    {
        if (heartbeat.ValueKind != JsonValueKind.Object)
        {
            return BatchItem.Invalid("heartbeat", "Each heartbeat must be a JSON object.");
        }

        try
        {
            fields.Load(heartbeat);
            var agent = agents.Of(fields.String(HeartbeatField.UserAgent));
            var isWrite = fields.Bool(HeartbeatField.IsWrite);
            var time = fields.Timestamp(HeartbeatField.Time) ?? throw new FieldException(HeartbeatField.Time.Name, "This field is required.");
            var entity = fields.String(HeartbeatField.Entity) ?? throw new FieldException(HeartbeatField.Entity.Name, "This field is required.");
            var details = new EventDetails
            {
                Type = EventBatchReader.EntityTypeOf(fields.String(HeartbeatField.Type)),
                Category = fields.String(HeartbeatField.Category) is { } category ? ActivityCategories.Normalize(category) ?? category : null,
                Plugin = agent.Plugin,
                OperatingSystem = agent.OperatingSystem,
                Machine = fields.String(HeartbeatField.MachineNameId) ?? fields.String(HeartbeatField.Machine) ?? machineHeader,
                IsWrite = isWrite,
                Lines = fields.Int(HeartbeatField.Lines),
                LineNumber = fields.Int(HeartbeatField.LineNumber),
                CursorPosition = fields.Int(HeartbeatField.CursorPosition),
                LineAdditions = fields.Int(HeartbeatField.LineAdditions),
                LineDeletions = fields.Int(HeartbeatField.LineDeletions),
                AiLineChanges = fields.Int(HeartbeatField.AiLineChanges),
                HumanLineChanges = fields.Int(HeartbeatField.HumanLineChanges),
                AiInputTokens = fields.Long(HeartbeatField.AiInputTokens),
                AiOutputTokens = fields.Long(HeartbeatField.AiOutputTokens),
                AiSession = fields.String(HeartbeatField.AiSession),
                Dependencies = fields.Strings(HeartbeatField.Dependencies),
            };
            var activity = new ActivityEvent(
                ActivityKind.Heartbeat, entity, time, NullIfBlank(fields.String(HeartbeatField.Project)),
                NullIfBlank(fields.String(HeartbeatField.Language)), agent.Editor, NullIfBlank(fields.String(HeartbeatField.Branch)),
                ClientEventId: IdentityOf(fields, time, entity, isWrite), Details: details);
            return BatchItem.Valid(activity);
        }
        catch (FieldException ex)
        {
            return BatchItem.Invalid(ex.Field, ex.Message);
        }
    }

    /// <summary>(time, cursorpos, type, category, project, branch, entity, is_write): what the CLI's queue dedupes by.</summary>
    private static string IdentityOf(JsonFields fields, DateTimeOffset time, string entity, bool? isWrite)
    {
        string Raw(JsonField field) => fields.Raw(field).ToString();
        var key = string.Join('\u001f', time.ToUnixTimeMilliseconds(), Raw(HeartbeatField.CursorPosition), Raw(HeartbeatField.Type),
            Raw(HeartbeatField.Category), Raw(HeartbeatField.Project), Raw(HeartbeatField.Branch), entity, isWrite);
        return "wt:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 18);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>
    /// The request's user agent (the header) merged under each heartbeat's own: parsed once per distinct string in a row,
    /// since a client's heartbeats carry the same one.
    /// </summary>
    private sealed class UserAgents(UserAgentInfo header)
    {
        private string? last;
        private UserAgentInfo? lastMerged;

        public UserAgentInfo Of(string? userAgent)
        {
            if (lastMerged is null || userAgent != last)
            {
                (last, lastMerged) = (userAgent, UserAgentInfo.Merge(UserAgentInfo.Parse(userAgent), header));
            }

            return lastMerged;
        }
    }
}
