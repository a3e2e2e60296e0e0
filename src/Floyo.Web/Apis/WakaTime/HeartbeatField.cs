namespace Floyo.Web.Apis.WakaTime;

/// <summary>The properties of one WakaTime heartbeat that <see cref="HeartbeatReader"/> reads.</summary>
internal static class HeartbeatField
{
    public static readonly JsonFieldSet Names = new();

    public static readonly JsonField UserAgent = Names.Add("user_agent");
    public static readonly JsonField IsWrite = Names.Add("is_write");
    public static readonly JsonField Time = Names.Add("time");
    public static readonly JsonField Entity = Names.Add("entity");
    public static readonly JsonField Type = Names.Add("type");
    public static readonly JsonField Category = Names.Add("category");
    public static readonly JsonField MachineNameId = Names.Add("machine_name_id");
    public static readonly JsonField Machine = Names.Add("machine");
    public static readonly JsonField Lines = Names.Add("lines");
    public static readonly JsonField LineNumber = Names.Add("lineno");
    public static readonly JsonField CursorPosition = Names.Add("cursorpos");
    public static readonly JsonField LineAdditions = Names.Add("line_additions");
    public static readonly JsonField LineDeletions = Names.Add("line_deletions");
    public static readonly JsonField AiLineChanges = Names.Add("ai_line_changes");
    public static readonly JsonField HumanLineChanges = Names.Add("human_line_changes");
    public static readonly JsonField AiInputTokens = Names.Add("ai_input_tokens");
    public static readonly JsonField AiOutputTokens = Names.Add("ai_output_tokens");
    public static readonly JsonField AiSession = Names.Add("ai_session");
    public static readonly JsonField Dependencies = Names.Add("dependencies");
    public static readonly JsonField Project = Names.Add("project");
    public static readonly JsonField Language = Names.Add("language");
    public static readonly JsonField Branch = Names.Add("branch");
}
